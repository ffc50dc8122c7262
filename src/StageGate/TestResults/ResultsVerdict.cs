using System.Globalization;
using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.TestResults;

/// <summary>
/// Decides a test gate whose step succeeded by what it recorded: the <c>exit-code</c> file decides; without it, any
/// failed test in the result files fails the gate; with neither, the gate fails on missing evidence (SG3008).
/// Each failing test becomes its own diagnostic at the repository line its stack trace names.
/// </summary>
internal static class ResultsVerdict
{
    /// <summary>So a suite with thousands of failures does not bury the log: the rest are counted in the stage's message.</summary>
    internal const int MaxFailureDiagnostics = 50;

    /// <summary>The gate's outcome, its diagnostics, and the tests with their failures mapped to the repository.</summary>
    public static (GateOutcome Outcome, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<TestCaseResult> Tests) Decide(
        GatePlan plan, BuildTarget test, ExportedResults results, IReadOnlyList<BuildStep> steps)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(results);
        var stage = test.Stage.DisplayName;
        var map = SourceMap.For(plan.Dockerfile, test.Stage, plan.ContextDirectory);
        // A failing test's message and trace are output of the build like any step's: a secret it prints is masked.
        var redactor = new Processes.Redactor(plan.SecretValues);
        var tests = results.Tests
            .Select(t => t with { Message = t.Message is null ? null : redactor.Redact(t.Message), StackTrace = t.StackTrace is null ? null : redactor.Redact(t.StackTrace) })
            .Select(t => t.Outcome == TestCaseOutcome.Failed && map.Locate(t) is { } at ? t with { File = at.File, Line = at.Line } : t).ToList();
        var counts = TestCounts.Of(tests);
        var failed = results.ExitCode is int code ? code != 0 : counts.Failed > 0;
        // A result file with no test in it (a filter that matched nothing) proves nothing ran: it is no evidence.
        var evidence = results.ExitCode is not null || (results.HasReadableFile && counts.Total > 0);

        var diagnostics = new List<Diagnostic>();
        var onlyEvidenceWasBad = !evidence;
        if (results.ExitCodeProblem is { } problem)
        {
            diagnostics.Add(Codes.TestResultsUnreadable.Create(onlyEvidenceWasBad ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                $"Test stage '{stage}': {problem}.", plan.DockerfilePath, test.Stage.Line));
        }
        foreach (var file in results.Files.Where(f => !f.Readable))
        {
            diagnostics.Add(Codes.TestResultsUnreadable.Create(onlyEvidenceWasBad ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                $"Test stage '{stage}': result file '{file.Path}' {file.Problem}.", file.Path, null));
        }

        if (!evidence)
        {
            if (diagnostics.Count == 0)
            {
                var option = plan.Options.NameOf(Hosting.OptionTable.TestResults);
                diagnostics.Add(Codes.TestResultsMissing.Create(
                    $"Test stage '{stage}' passed its steps but left no '{ExportedResults.ExitCodeFile}' file and no TRX or JUnit file in "
                    + $"{plan.Options.Get(Hosting.OptionTable.TestResults)} ({option}), so its tests cannot be judged.",
                    plan.DockerfilePath, test.Stage.Line));
            }
            return (GateOutcome.Failed, diagnostics, tests);
        }

        var failures = tests.Where(t => t.Outcome == TestCaseOutcome.Failed).ToList();
        if (failed)
        {
            var step = LastStep(plan, test, steps);
            var why = results.ExitCode is int exit
                ? string.Create(CultureInfo.InvariantCulture, $"its tests exited with code {exit}")
                : "its results hold failed tests";
            var line = step?.Line ?? test.Stage.Line;
            diagnostics.Add(Codes.TestsFailed.Create(
                $"Test stage '{stage}' failed: {why}{(counts.Total > 0 ? $" ({counts})" : "")}."
                + (failures.Count > MaxFailureDiagnostics ? $" The first {MaxFailureDiagnostics} failing tests are listed." : ""),
                plan.DockerfilePath, line) with { Details = step?.Output ?? [] });
        }

        foreach (var failure in failures.Take(MaxFailureDiagnostics))
        {
            var message = failure.Message is { } m ? ": " + OneLine(m) : "";
            diagnostics.Add(failure.File is not null
                ? Codes.TestFailed.Create(failed ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                    $"Test '{failure.FullName}' failed in test stage '{stage}'{message}", failure.File, failure.Line)
                : Codes.TestFailed.Create(failed ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                    $"Test '{failure.FullName}' failed in test stage '{stage}'{message}", plan.DockerfilePath, test.Stage.Line));
        }
        return (failed ? GateOutcome.Failed : GateOutcome.Passed, diagnostics, tests);
    }

    /// <summary>
    /// The step that ran the tests: the stage's last step that printed output, else its last step. Cached steps
    /// print nothing this run, so a cached failure is shown without a tail.
    /// </summary>
    private static (int? Line, IReadOnlyList<string> Output)? LastStep(GatePlan plan, BuildTarget test, IReadOnlyList<BuildStep> steps)
    {
        var own = steps.Where(s => !s.IsInternal && s.StepNumber is not null
            && plan.Dockerfile.FindStageForProgress(s.Stage)?.Index == test.Stage.Index).ToList();
        var chosen = own.LastOrDefault(s => s.LogTail.Count > 0) ?? own.OrderBy(s => s.StepNumber).LastOrDefault();
        if (chosen is null)
        {
            return null;
        }
        var instruction = plan.Dockerfile.InstructionForStep(test.Stage, chosen.StepNumber!.Value);
        return (instruction?.StartLine, chosen.LogTail.Select(l => l.Text).ToList());
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..297] + "...";
    }
}
