using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Testing;
using StageGate.Tests.Context;
using StageGate.TestResults;

namespace StageGate.Tests.TestResults;

/// <summary>A test stage whose steps passed is judged by the exit code and results it recorded.</summary>
public sealed class ResultsVerdictTests : IDisposable
{
    private const string Dockerfile = """
        FROM busybox AS test
        WORKDIR /src
        COPY tests/ tests/
        RUN ./run-tests

        FROM busybox AS final
        """;

    private readonly TempContext _context = new();
    private readonly GatePlan _plan;
    private readonly BuildTarget _test;

    public ResultsVerdictTests()
    {
        _context.Write("tests/CalcTests.cs");
        _plan = GatePlan.Create(new TestOptions { Dockerfile = _context.Write("Dockerfile", Dockerfile), UseConfigurationFile = false, TestResults = "/results" });
        _test = BuildTargets.For(_plan).First(t => t.Role == TargetRole.Test);
    }

    public void Dispose() => _context.Dispose();

    private static TestCaseResult Failing(string name) =>
        new("CalcTests", name, TestCaseOutcome.Failed) { Message = "Expected 2, Actual 3", StackTrace = "at CalcTests.Divides() in /src/tests/CalcTests.cs:line 17" };

    private static ExportedResults Results(int? exitCode, params TestCaseResult[] tests) =>
        new("/out/test", exitCode, tests.Length == 0 ? [] : [new ResultFile("/out/test/r.trx", tests, null)]);

    [Fact]
    public void A_non_zero_exit_code_fails_the_gate_and_names_each_failing_test_at_its_repository_line()
    {
        var (outcome, diagnostics, _) = ResultsVerdict.Decide(_plan, _test, Results(1, Failing("Divides")), []);

        Assert.Equal(GateOutcome.Failed, outcome);
        Assert.Contains(diagnostics, d => d.Code == Codes.TestsFailed.Code && d.Message.Contains("exited with code 1", StringComparison.Ordinal));
        var test = Assert.Single(diagnostics, d => d.Code == Codes.TestFailed.Code);
        Assert.Equal((_context.Full("tests/CalcTests.cs"), 17), (test.File, test.Line));
        Assert.Contains("CalcTests.Divides", test.Message, StringComparison.Ordinal);
        Assert.Contains("Expected 2, Actual 3", test.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_exit_code_a_failed_test_in_the_results_fails_the_gate()
    {
        var (outcome, _, _) = ResultsVerdict.Decide(_plan, _test, Results(null, Failing("Divides")), []);

        Assert.Equal(GateOutcome.Failed, outcome);
    }

    [Fact]
    public void An_exit_code_of_zero_passes_the_gate()
    {
        var (outcome, diagnostics, _) = ResultsVerdict.Decide(_plan, _test, Results(0, new TestCaseResult("CalcTests", "Adds", TestCaseOutcome.Passed)), []);

        Assert.Equal(GateOutcome.Passed, outcome);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }

    [Fact]
    public void No_exit_code_and_no_result_file_fails_the_gate_with_SG3008_instead_of_passing_on_no_evidence()
    {
        var (outcome, diagnostics, _) = ResultsVerdict.Decide(_plan, _test, new ExportedResults(null, null, []), []);

        Assert.Equal(GateOutcome.Failed, outcome);
        Assert.Equal(Codes.TestResultsMissing.Code, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void An_unreadable_result_file_as_the_only_evidence_is_an_error_that_fails_the_gate()
    {
        var results = new ExportedResults("/out/test", null, [new ResultFile("/out/test/r.xml", [], "is not well-formed XML")]);

        var (outcome, diagnostics, _) = ResultsVerdict.Decide(_plan, _test, results, []);

        Assert.Equal(GateOutcome.Failed, outcome);
        var problem = Assert.Single(diagnostics);
        Assert.Equal((Codes.TestResultsUnreadable.Code, DiagnosticSeverity.Error), (problem.Code, problem.Severity));
    }
}
