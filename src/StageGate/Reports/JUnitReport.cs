using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// JUnit XML for CI test tabs: one test suite <c>stagegate</c> with a test case per gate (each test stage, the
/// final image, each budget). "Could not measure" and "not run" are skipped, never failed.
/// </summary>
internal static class JUnitReport
{
    public const string SuiteName = "stagegate";

    public static string Render(GateResult result, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cases = new List<XElement>();
        foreach (var stage in result.TestStages)
        {
            cases.Add(Case("stagegate.testStages", stage.Target, stage.Duration, stage.Outcome,
                stage.Failure is { } f ? $"{stage.Target} failed at {ReportWording.Location(f, result.Dockerfile)}"
                    : stage.ResultsFailure?.Message ?? $"{stage.Target} failed",
                stage.ResultsFailure?.Code ?? Codes.TestStepFailed.Code,
                stage.Failure is null && stage.ResultsFailure is { } r ? ReportWording.MessageWithDetails(r) : FailureText(stage.Failure),
                stage.Counts?.ToString()));
        }

        var image = result.FinalImage;
        cases.Add(Case("stagegate.finalImage", image?.Target ?? "final image", null, image?.Outcome ?? GateOutcome.NotRun,
            image?.Failure is { } ff ? $"{image.Target} failed at {ReportWording.Location(ff, result.Dockerfile)}" : "the final image failed to build",
            Codes.FinalStepFailed.Code, FailureText(image?.Failure),
            image is null ? null : ReportWording.FinalImage(image, result.Dockerfile)));

        foreach (var budget in result.Budgets)
        {
            var verdict = ReportWording.Budget(budget);
            var code = budget.Kind == BudgetKind.Size ? Codes.OverBudget.Code : Codes.OverGrowthBudget.Code;
            cases.Add(Case("stagegate.budgets", ReportWording.BudgetName(budget), null, budget.Outcome, verdict, code, verdict, verdict));
        }

        // An error that is no gate's (docker missing, a bad Dockerfile) must still turn the test tab red.
        foreach (var error in result.Diagnostics.Where(d => d.IsError && !ReportWording.IsGateCode(d.Code) && !ReportWording.IsTestResultsCode(d.Code)))
        {
            var location = ReportWording.RelativePath(error.File, repositoryRoot) is { } file
                ? error.Line is { } line ? $"{file}:{line.ToString(CultureInfo.InvariantCulture)}\n" : file + "\n"
                : "";
            cases.Add(Case("stagegate.errors", $"{error.Code} {Title(error.Code)}", null, GateOutcome.Failed,
                error.Message, error.Code, location + ReportWording.MessageWithDetails(error), null));
        }

        var time = ReportWording.Seconds(result.Duration);
        var suite = new XElement("testsuite",
            Totals(SuiteName, cases, time),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "dockerfile"), new XAttribute("value", Clean(ReportWording.RelativePath(result.Dockerfile, repositoryRoot) ?? ""))),
                new XElement("property", new XAttribute("name", "context"), new XAttribute("value", Clean(ReportWording.RelativePath(result.Context, repositoryRoot) ?? "")))),
            cases);
        // Each stage's own tests are a suite of their own beside the gates, so one file tells CI everything.
        var stageSuites = result.TestStages.Where(s => s.Tests.Count > 0).Select(s => StageSuite(s, repositoryRoot)).ToList();
        var all = new[] { suite }.Concat(stageSuites).SelectMany(s => s.Elements("testcase")).ToList();
        var root = new XElement("testsuites", Totals(SuiteName, all, time), suite, stageSuites);

        // Written by hand: an XmlWriter over a StringWriter would declare UTF-16, but the file is saved as UTF-8.
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString(SaveOptions.None).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The totals a suite (and the root, over every suite) carries: some CI readers take the root's, some each suite's.</summary>
    private static XAttribute[] Totals(string name, IReadOnlyList<XElement> cases, string time) =>
    [
        new("name", Clean(name)),
        new("tests", cases.Count),
        new("failures", cases.Count(c => c.Element("failure") is not null)),
        new("errors", 0),
        new("skipped", cases.Count(c => c.Element("skipped") is not null)),
        new("time", time),
    ];

    /// <summary>A test stage's tests as they came out of its result files: the stage a suite, each test a case at its repository file.</summary>
    private static XElement StageSuite(TestStageResult stage, string? repositoryRoot)
    {
        var cases = stage.Tests.Select(test =>
        {
            var testCase = new XElement("testcase",
                new XAttribute("classname", Clean(test.Suite)),
                new XAttribute("name", Clean(test.Name)),
                new XAttribute("time", ReportWording.Seconds(test.Duration ?? TimeSpan.Zero)));
            if (ReportWording.RelativePath(test.File, repositoryRoot) is { } file)
            {
                testCase.Add(new XAttribute("file", Clean(file)));
                if (test.Line is { } line)
                {
                    testCase.Add(new XAttribute("line", line));
                }
            }
            if (test.Outcome == TestResults.TestCaseOutcome.Failed)
            {
                testCase.Add(new XElement("failure",
                    new XAttribute("message", Clean(ReportWording.OneLine(test.Message ?? "failed"))),
                    new XAttribute("type", Codes.TestFailed.Code),
                    Clean(test.StackTrace ?? test.Message ?? "")));
            }
            else if (test.Outcome == TestResults.TestCaseOutcome.Skipped)
            {
                testCase.Add(new XElement("skipped"));
            }
            return testCase;
        }).ToList();
        var time = ReportWording.Seconds(stage.Tests.Aggregate(TimeSpan.Zero, (sum, t) => sum + (t.Duration ?? TimeSpan.Zero)));
        return new XElement("testsuite", Totals(stage.Target, cases, time), cases);
    }

    private static XElement Case(string className, string name, TimeSpan? duration, GateOutcome outcome,
        string failureMessage, string failureType, string failureText, string? output)
    {
        var testCase = new XElement("testcase",
            new XAttribute("classname", className),
            new XAttribute("name", Clean(name)),
            new XAttribute("time", ReportWording.Seconds(duration ?? TimeSpan.Zero)));
        switch (outcome)
        {
            case GateOutcome.Failed:
                testCase.Add(new XElement("failure",
                    new XAttribute("message", Clean(ReportWording.OneLine(failureMessage))),
                    new XAttribute("type", failureType),
                    Clean(failureText)));
                break;
            case GateOutcome.CouldNotMeasure:
                // ReportWording says "could not measure" in every verdict of this outcome, so it is not added here.
                testCase.Add(new XElement("skipped", new XAttribute("message", Clean(ReportWording.OneLine(output ?? failureMessage)))));
                break;
            case GateOutcome.NotRun:
                testCase.Add(new XElement("skipped", new XAttribute("message", "not run")));
                break;
        }
        if (output is not null && outcome != GateOutcome.CouldNotMeasure)
        {
            testCase.Add(new XElement("system-out", Clean(output)));
        }
        return testCase;
    }

    private static string FailureText(FailedStep? failure)
    {
        if (failure is null)
        {
            return "";
        }
        var text = new StringBuilder().Append(failure.Instruction).Append('\n');
        if (!string.IsNullOrWhiteSpace(failure.Error))
        {
            text.Append(failure.Error).Append('\n');
        }
        foreach (var line in failure.Output)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    private static string Title(string code) => Codes.All.FirstOrDefault(c => c.Code == code)?.Title ?? "";

    /// <summary>Build output carries colour escapes and other characters XML 1.0 cannot hold; they become U+FFFD.</summary>
    private static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            var valid = XmlConvert.IsXmlChar(c);
            if (!valid && clean is null)
            {
                clean = new StringBuilder(text.Length).Append(text, 0, i);
            }
            clean?.Append(valid ? c : '\uFFFD');
        }
        return clean?.ToString() ?? text;
    }
}
