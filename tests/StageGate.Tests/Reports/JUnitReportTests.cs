using System.Xml.Linq;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

public class JUnitReportTests
{
    private static XElement Suite(GateResult result) =>
        XDocument.Parse(JUnitReport.Render(result)).Root!.Element("testsuite")!;

    private static IEnumerable<XElement> Cases(GateResult result) => Suite(result).Elements("testcase");

    [Fact]
    public void One_suite_named_stagegate_holds_a_case_per_gate_with_the_right_counts()
    {
        var suite = Suite(SampleResults.TestFailure());

        Assert.Equal("stagegate", (string?)suite.Attribute("name"));
        Assert.Equal(
            ["test", "integration", "runtime", "size budget 1MB"],
            suite.Elements("testcase").Select(c => (string?)c.Attribute("name")));
        Assert.Equal(4, (int?)suite.Attribute("tests"));
        Assert.Equal(1, (int?)suite.Attribute("failures"));
        Assert.Equal(2, (int?)suite.Attribute("skipped"));
        Assert.Equal(0, (int?)suite.Attribute("errors"));
    }

    [Fact]
    public void A_failing_test_stage_is_a_failure_typed_with_its_code_and_carrying_its_output()
    {
        var failure = Cases(SampleResults.TestFailure()).Single(c => (string?)c.Attribute("name") == "integration").Element("failure")!;

        Assert.Equal("SG3001", (string?)failure.Attribute("type"));
        Assert.Equal("integration failed at Dockerfile:14 RUN make test", (string?)failure.Attribute("message"));
        Assert.Contains("make: *** [test] Error 1", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_carries_the_same_totals_as_its_one_suite()
    {
        var root = XDocument.Parse(JUnitReport.Render(SampleResults.CouldNotMeasure())).Root!;
        static string Totals(XElement e) => string.Join(' ', e.Attributes().Select(a => $"{a.Name}={a.Value}"));

        Assert.Equal(Totals(root.Element("testsuite")!), Totals(root));
        Assert.Equal("3", (string?)root.Attribute("skipped"));
    }

    [Fact]
    public void Could_not_measure_is_skipped_not_failed()
    {
        var suite = Suite(SampleResults.CouldNotMeasure());

        Assert.Equal(0, (int?)suite.Attribute("failures"));
        Assert.Equal(3, (int?)suite.Attribute("skipped"));
        Assert.All(suite.Elements("testcase").Skip(1), c => Assert.NotNull(c.Element("skipped")));
    }

    [Fact]
    public void A_skipped_measurement_says_could_not_measure_once_in_its_gates_own_words()
    {
        var messages = Cases(SampleResults.CouldNotMeasure()).Select(c => (string?)c.Element("skipped")?.Attribute("message")).OfType<string>().ToList();

        Assert.Equal(
            [
                "final image 'runtime' built, but its size could not be measured",
                "Uncompressed size: could not measure — the daemon did not answer the image inspect",
                "Uncompressed growth: could not measure — the daemon did not answer the image inspect",
            ],
            messages);
    }

    [Fact]
    public void An_exceeded_budget_is_a_failure_typed_SG4001()
    {
        var failure = Cases(SampleResults.OverBudgetHiddenByRounding()).Single(c => (string?)c.Attribute("name") == "size budget 150MB").Element("failure")!;

        Assert.Equal("SG4001", (string?)failure.Attribute("type"));
        Assert.Contains("over the 150MB budget by 400 B", (string?)failure.Attribute("message"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_that_belongs_to_no_gate_still_fails_the_suite()
    {
        var result = SampleResults.Passing() with
        {
            TestStages = [],
            FinalImage = null,
            Budgets = [],
            Diagnostics = [Codes.DaemonNotAnswering.Create("Cannot connect to the Docker daemon at unix:///var/run/docker.sock.")],
        };

        var suite = Suite(result);

        Assert.Equal(1, (int?)suite.Attribute("failures"));
        Assert.Equal("SG2003", (string?)suite.Elements("testcase").Single(c => c.Element("failure") is not null).Element("failure")!.Attribute("type"));
    }

    [Fact]
    public void Colour_codes_and_control_characters_in_build_output_still_give_valid_XML()
    {
        var failure = SampleResults.IntegrationFailure with { Output = ["\u001b[31mFAIL\u001b[0m", "bell\u0007", "emoji 🐳"] };
        var result = SampleResults.TestFailure() with
        {
            TestStages = [new TestStageResult("integration", GateOutcome.Failed, TimeSpan.FromSeconds(1), failure)],
        };

        var text = Cases(result).First().Element("failure")!.Value;

        Assert.Contains("\uFFFD[31mFAIL", text, StringComparison.Ordinal);
        Assert.Contains("emoji 🐳", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_declares_UTF_8()
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites", JUnitReport.Render(SampleResults.Passing()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_with_results_adds_its_own_suite_with_a_case_per_test_beside_the_gates()
    {
        var result = SampleResults.Passing() with
        {
            TestStages =
            [
                new TestStageResult("test", GateOutcome.Failed, TimeSpan.FromSeconds(1))
                {
                    Tests =
                    [
                        new("CalcTests", "Adds", StageGate.TestResults.TestCaseOutcome.Passed),
                        new("CalcTests", "Divides", StageGate.TestResults.TestCaseOutcome.Failed) { Message = "Expected 2", File = "/work/repo/app/tests/CalcTests.cs", Line = 17 },
                    ],
                },
            ],
        };

        var root = XDocument.Parse(JUnitReport.Render(result, "/work/repo")).Root!;

        var suite = root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "test");
        var failed = suite.Elements("testcase").Single(c => c.Element("failure") is not null);
        Assert.Equal(("Divides", "app/tests/CalcTests.cs", 17), ((string?)failed.Attribute("name"), (string?)failed.Attribute("file"), (int?)failed.Attribute("line")));
        Assert.Equal((2, 1), ((int?)suite.Attribute("tests"), (int?)suite.Attribute("failures")));
        Assert.Equal(Cases(result).Count() + 2, (int?)root.Attribute("tests"));
    }
}
