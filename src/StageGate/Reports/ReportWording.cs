using System.Globalization;
using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>The sentences every format shares, so the console, a PR comment and a CI annotation say the same thing.</summary>
internal static class ReportWording
{
    /// <summary>How many of the final image's layers a report lists.</summary>
    public const int TopLayerCount = 5;

    /// <summary>How many of a failing step's last output lines a report shows.</summary>
    public const int OutputLineCount = 10;

    /// <summary>The codes a gate's own verdict stands for: a failing test or final step, an exceeded budget.</summary>
    public static bool IsGateCode(string code) =>
        code == Codes.TestStepFailed.Code || code == Codes.FinalStepFailed.Code || code == Codes.OverBudget.Code || code == Codes.OverGrowthBudget.Code;

    public static string Icon(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Passed => "✓",
        GateOutcome.Failed => "✗",
        GateOutcome.CouldNotMeasure => "!",
        _ => "-",
    };

    public static string Describe(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Passed => "passed",
        GateOutcome.Failed => "failed",
        GateOutcome.CouldNotMeasure => "could not measure",
        _ => "not run",
    };

    /// <summary><c>Dockerfile:14 RUN make test</c>: where a failing step is, as a user finds it in the file.</summary>
    public static string Location(FailedStep failure, string dockerfile)
    {
        var file = Path.GetFileName(dockerfile);
        var where = failure.Line is { } line ? $"{file}:{line.ToString(CultureInfo.InvariantCulture)}" : $"{file} stage {failure.Stage} step {failure.StepText}";
        return $"{where} {OneLine(failure.Instruction)}";
    }

    /// <summary>
    /// <c>test passed (12.3s): 2 passed, 0 failed, 0 skipped</c> or <c>test failed at Dockerfile:14 RUN make test</c>;
    /// the counts when the stage's result files were read.
    /// </summary>
    public static string TestStage(TestStageResult stage, string dockerfile) =>
        stage.Outcome == GateOutcome.Failed && stage.Failure is { } failure
            ? $"{stage.Target} failed at {Location(failure, dockerfile)} ({Duration(stage.Duration)})"
            : stage.Outcome == GateOutcome.NotRun
                ? $"{stage.Target} not run{Because(stage.NotRunReason)}"
                : $"{stage.Target} {Describe(stage.Outcome)} ({Duration(stage.Duration)}){Counts(stage)}";

    /// <summary><c>: 2 passed, 1 failed, 0 skipped</c> when the stage's results were read, else nothing.</summary>
    public static string Counts(TestStageResult stage) => stage.Counts is { } counts ? $": {counts}" : "";

    /// <summary>The codes a test stage's results give; each is the stage's own gate or one of its tests, not an error beside the gates.</summary>
    public static bool IsTestResultsCode(string code) =>
        code == Codes.TestsFailed.Code || code == Codes.TestFailed.Code || code == Codes.TestResultsMissing.Code || code == Codes.TestResultsUnreadable.Code;

    /// <summary><c>final image 'runtime': 763kB uncompressed, 410kB compressed</c>, or why there is no size.</summary>
    public static string FinalImage(FinalImageResult image, string dockerfile) => image.Outcome switch
    {
        GateOutcome.Failed when image.Failure is { } failure => $"{Named("final image", image.Target)} failed at {Location(failure, dockerfile)}",
        GateOutcome.Failed => $"{Named("final image", image.Target)} failed to build",
        GateOutcome.NotRun => $"{Named("final image", image.Target)} not built{Because(image.NotRunReason)}",
        _ when Sizes(image) is { } sizes => $"{Named("final image", image.Target)}: {sizes}",
        _ => $"{Named("final image", image.Target)} built, but its size could not be measured",
    };

    /// <summary>
    /// Both sizes, each named: <c>763kB uncompressed, 410kB compressed</c>; a multi-platform image's compressed size per
    /// platform, <c>compressed linux/amd64 410kB, linux/arm64 398kB</c>. Null when neither was measured.
    /// </summary>
    public static string? Sizes(FinalImageResult image)
    {
        var parts = new List<string>();
        if (image.SizeBytes is { } size)
        {
            parts.Add($"{new ByteSize(size)} uncompressed");
        }
        if (image.Platforms.Count == 1)
        {
            parts.Add($"{new ByteSize(image.Platforms[0].CompressedSizeBytes)} compressed{(image.Platforms[0].Platform is { } platform ? $" ({platform})" : "")}");
        }
        else if (image.Platforms.Count > 1)
        {
            parts.Add("compressed " + string.Join(", ", image.Platforms.Select(p => $"{p.Platform ?? "?"} {new ByteSize(p.CompressedSizeBytes)}")));
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string Because(string? reason) => reason is null ? "" : $": {reason}";

    /// <summary><c>final image</c> for a stage named <c>final</c>, <c>final image 'runtime'</c> otherwise: a name is said once.</summary>
    public static string Named(string what, string? stage) =>
        stage is null || what.Split(' ').Contains(stage, StringComparer.OrdinalIgnoreCase)
            ? what
            : $"{what} '{stage}'";

    /// <summary>A budget's verdict on one line: a reason that could not be measured may come from a multi-line daemon message.</summary>
    public static string Budget(BudgetResult budget) => OneLine(budget.Summary);

    /// <summary><c>size budget 2MB</c>, <c>compressed size budget 1MB (linux/arm64)</c>: unique per verdict, for test names.</summary>
    public static string BudgetName(BudgetResult budget) =>
        $"{(budget.Metric == SizeMetric.Compressed ? "compressed " : "")}{(budget.Kind == BudgetKind.Size ? "size" : "growth")} budget {budget.Budget}{(budget.Platform is null ? "" : $" ({budget.Platform})")}";

    /// <summary><c>builder 452MB → final 763kB, 99% smaller</c>; null when either size is unknown.</summary>
    public static string? Savings(FinalImageResult? image)
    {
        if (image?.SizeBytes is not { } final || image.BuilderSizeBytes is not { } builder)
        {
            return null;
        }
        var savings = new MultiStageSavings(new ByteSize(builder), new ByteSize(final));
        var from = Named("builder stage", image.BuilderStage);
        return final <= builder
            ? $"{from} {savings.BuilderSize} → final image {savings.FinalSize}, {savings.PercentSmaller.ToString(CultureInfo.InvariantCulture)}% smaller"
            : $"{from} → final image: {savings}";
    }

    /// <summary>The largest layers, largest first; empty layers (ENV, WORKDIR) say nothing about size.</summary>
    public static IReadOnlyList<LayerResult> TopLayers(FinalImageResult? image) =>
        image is null ? [] : image.Layers.Where(l => l.SizeBytes > 0).OrderByDescending(l => l.SizeBytes).Take(TopLayerCount).ToList();

    public static string LayerLine(LayerResult layer, string dockerfile) =>
        layer.Line is { } line ? $"{Path.GetFileName(dockerfile)}:{line.ToString(CultureInfo.InvariantCulture)}" : "(base image)";

    /// <summary>Every gate with its outcome: test stages, the final image, the budgets.</summary>
    public static IReadOnlyList<GateOutcome> Gates(GateResult result) =>
        result.TestStages.Select(t => t.Outcome)
            .Concat(result.FinalImage is { } image ? [image.Outcome] : [])
            .Concat(result.Budgets.Select(b => b.Outcome))
            .ToList();

    /// <summary><c>all 4 gates passed</c>, <c>1 of 4 gates failed, 2 not run</c>, or the errors that are no gate's (docker missing).</summary>
    public static string Verdict(GateResult result)
    {
        var gates = Gates(result);
        var total = Count(gates.Count);
        var failed = gates.Count(g => g == GateOutcome.Failed);
        var passed = gates.Count(g => g == GateOutcome.Passed);
        var errors = result.Diagnostics.Count(d => d.IsError);
        var text = failed > 0 ? $"{Count(failed)} of {total} gates failed"
            : !result.Passed ? $"{Count(errors)} error{(errors == 1 ? "" : "s")}"
            : passed == gates.Count ? gates.Count == 1 ? "the gate passed" : $"all {total} gates passed"
            : $"{Count(passed)} of {total} gates passed";
        var unmeasured = gates.Count(g => g == GateOutcome.CouldNotMeasure);
        if (unmeasured > 0)
        {
            text += $", {Count(unmeasured)} could not measure";
        }
        var notRun = gates.Count(g => g == GateOutcome.NotRun);
        if (notRun > 0)
        {
            text += $", {Count(notRun)} not run";
        }
        return $"StageGate {(result.Passed ? "passed" : "failed")}: {text} ({Duration(result.Duration)})";
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>0.4s</c>, <c>12.3s</c>, <c>2m 05s</c>.</summary>
    public static string Duration(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
        : $"{((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture)}m {duration.Seconds.ToString("00", CultureInfo.InvariantCulture)}s";

    /// <summary>The last lines of a failing step's output, which is where compilers and test runners put the verdict.</summary>
    public static IReadOnlyList<string> LastOutput(FailedStep failure) =>
        failure.Output.Skip(Math.Max(0, failure.Output.Count - OutputLineCount)).ToList();

    /// <summary>A diagnostic's message with its details under it, for hosts that show one block per annotation.</summary>
    public static string MessageWithDetails(Diagnostic diagnostic) =>
        diagnostic.Details.Count == 0 ? diagnostic.Message : diagnostic.Message + "\n" + string.Join("\n", diagnostic.Details);

    /// <summary>A path as the CI system's file links expect: relative to the repository, with forward slashes.</summary>
    public static string? RelativePath(string? path, string? repositoryRoot)
    {
        if (path is null || string.IsNullOrEmpty(repositoryRoot) || !Path.IsPathFullyQualified(path))
        {
            return path;
        }
        var relative = Path.GetRelativePath(repositoryRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative)
            ? path
            : relative.Replace('\\', '/');
    }

    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
