using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.IntegrationTests.Gates;

/// <summary>
/// Test stages that record their exit code and write TRX or JUnit results instead of failing, against the real
/// engine: the results reach the host, decide the gate, and name each failing test at its line in the context.
/// </summary>
[Collection(DockerGates.Name)]
public sealed class TestResultsGateTests(ITestOutputHelper output)
{
    // The test step echoes hand-made results and the exit code its tests "returned"; {exit} and {failure} vary per test.
    private const string JUnitStage = """
        FROM busybox:latest AS test
        WORKDIR /src
        COPY tests/ tests/
        RUN mkdir -p /results && echo "{token}" \
            && printf '<testsuites><testsuite name="calc"><testcase classname="CalcTests" name="Adds" time="0.01"/>{failure}</testsuite></testsuites>' > /results/junit.xml \
            && echo {exit} > /results/exit-code

        FROM busybox:latest AS final
        RUN echo "{token}" > /token
        """;

    private const string JUnitFailure = """<testcase classname="CalcTests" name="Divides"><failure message="Expected 2, Actual 3">at CalcTests.Divides() in /src/tests/CalcTests.cs:line 17</failure></testcase>""";

    private const string TrxStage = """
        FROM busybox:latest AS test
        WORKDIR /app
        COPY . .
        RUN mkdir -p /results && echo "{token}" \
            && printf '<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results><UnitTestResult testId="1" testName="Divides" outcome="Failed"><Output><ErrorInfo><Message>Expected 2</Message><StackTrace>at Calc.Divides() in /app/tests/CalcTests.cs:line 9</StackTrace></ErrorInfo></Output></UnitTestResult></Results></TestRun>' > /results/tests.trx

        FROM busybox:latest AS final
        RUN echo "{token}" > /token
        """;

    private static GateSample Sample(string dockerfile, int exit, string failure)
    {
        var sample = new GateSample(dockerfile.Replace("{exit}", exit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{failure}", failure, StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(sample.Folder, "tests"));
        sample.Write("tests/CalcTests.cs", "// the test's source\n");
        return sample;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Failing_tests_exit_1_with_each_test_named_at_its_source_line_and_the_results_on_the_host(bool sequential)
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = Sample(JUnitStage, 1, JUnitFailure);
        var host = new RecordingHost(output);
        var directory = Path.Combine(sample.Folder, "out");

        var run = await HostedGate.CheckAsync((sample.Options with { TestResults = "/results", TestResultsDirectory = directory, Sequential = sequential }).ToValues(), host);

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        var test = Assert.Single(host.Diagnostics, d => d.Code == Codes.TestFailed.Code);
        Assert.Equal((Path.Combine(sample.Folder, "tests", "CalcTests.cs"), 17), (test.File, test.Line));
        Assert.Contains("CalcTests.Divides", test.Message, StringComparison.Ordinal);
        Assert.Contains(host.Diagnostics, d => d.Code == Codes.TestsFailed.Code && d.Message.Contains("1 passed, 1 failed, 0 skipped", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(directory, "test", "junit.xml")));
    }

    [Fact]
    public async Task Passing_tests_exit_0_and_leave_their_results_on_the_host()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = Sample(JUnitStage, 0, "");
        var host = new RecordingHost(output);
        var directory = Path.Combine(sample.Folder, "out");

        var run = await HostedGate.CheckAsync((sample.Options with { TestResults = "/results", TestResultsDirectory = directory }).ToValues(), host);

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.Equal("0", File.ReadAllText(Path.Combine(directory, "test", "exit-code")).Trim());
        Assert.Contains("1 passed, 0 failed, 0 skipped", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trx_file_without_an_exit_code_fails_the_gate_by_its_failed_test()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = Sample(TrxStage, 0, "");
        var host = new RecordingHost(output);

        var run = await HostedGate.CheckAsync((sample.Options with { TestResults = "/results", TestResultsDirectory = Path.Combine(sample.Folder, "out") }).ToValues(), host);

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        var test = Assert.Single(host.Diagnostics, d => d.Code == Codes.TestFailed.Code);
        Assert.Equal((Path.Combine(sample.Folder, "tests", "CalcTests.cs"), 9), (test.File, test.Line));
    }

    [Fact]
    public async Task A_stage_that_writes_no_results_fails_with_SG3008_and_the_final_image_still_builds()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = Sample(JUnitStage, 0, "");
        var host = new RecordingHost(output);

        var run = await HostedGate.CheckAsync((sample.Options with { TestResults = "/elsewhere", TestResultsDirectory = Path.Combine(sample.Folder, "out") }).ToValues(), host);

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        Assert.Equal([Codes.TestResultsMissing.Code], host.Diagnostics.Where(d => d.IsError).Select(d => d.Code));
        Assert.Equal(StageGate.Gates.GateOutcome.Passed, run.Result!.FinalImage!.Outcome);
    }
}
