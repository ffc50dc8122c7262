using StageGate.Budgets;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// The one line a run leaves in every host's log (MSBuild, Cake, the CLI's progress), whatever the verbosity:
/// <c>StageGate: tests passed (1 stage), final image 763kB uncompressed ≤ 2MB budget, 99% smaller than builder</c>.
/// </summary>
internal static class RunSummary
{
    public static string For(GateResult result)
    {
        var parts = new List<string> { Tests(result.TestStages) };
        parts.AddRange(FinalImage(result.FinalImage, result.Budgets));
        return "StageGate: " + string.Join(", ", parts);
    }

    public static string For(StageBuildResult result) =>
        $"StageGate: stage '{result.Target}' {(result.Passed ? "built" : result.Outcome == GateOutcome.NotRun ? "not built" : "failed")}";

    public static string For(MeasureResult result)
    {
        var image = result.Image.Target;
        if (ReportWording.Sizes(result.Image) is not { } sizes)
        {
            return $"StageGate: image {image} could not be measured";
        }
        var budgets = result.Budgets.Count > 0 ? result.Budgets : result.Budget is { } one ? [one] : [];
        var verdict = budgets.Count == 0 ? ""
            : budgets.Any(b => b.Failed) ? ", over budget: " + string.Join("; ", budgets.Where(b => b.Failed).Select(ReportWording.BudgetName))
            : budgets.All(b => b.Passed) ? ", within " + string.Join("; ", budgets.Select(ReportWording.BudgetName))
            : ", not checked: " + string.Join("; ", budgets.Where(b => !b.Passed).Select(ReportWording.BudgetName));
        return $"StageGate: image {image} is {sizes}{verdict}";
    }

    private static string Tests(IReadOnlyList<TestStageResult> stages)
    {
        if (stages.Count == 0)
        {
            return "no test stage";
        }
        var failed = stages.Count(s => s.Outcome == GateOutcome.Failed);
        var passed = stages.Count(s => s.Outcome == GateOutcome.Passed);
        var counted = stages.Select(s => s.Counts).OfType<TestResults.TestCounts>().ToList();
        var tests = counted.Count == 0 ? ""
            : "; " + new TestResults.TestCounts(counted.Sum(c => c.Passed), counted.Sum(c => c.Failed), counted.Sum(c => c.Skipped));
        return failed > 0 ? $"tests failed ({failed} of {Stages(stages.Count)}{tests})"
            : passed == stages.Count ? $"tests passed ({Stages(stages.Count)}{tests})"
            : passed == 0 ? $"tests not run ({Stages(stages.Count)})"
            : $"tests passed ({passed} of {Stages(stages.Count)}, the rest not run{tests})";
    }

    private static string Stages(int count) => count == 1 ? "1 stage" : $"{count} stages";

    private static IEnumerable<string> FinalImage(FinalImageResult? image, IReadOnlyList<BudgetResult> budgets)
    {
        if (image is null || image.Outcome == GateOutcome.NotRun)
        {
            yield return "final image not built";
            yield break;
        }
        if (image.Outcome == GateOutcome.Failed && image.SizeBytes is null)
        {
            yield return "final image failed to build";
            yield break;
        }
        var sizes = new List<string>();
        if (image.SizeBytes is { } bytes)
        {
            sizes.Add($"{Size(bytes)} uncompressed{Verdict(budgets.FirstOrDefault(b => b is { Kind: BudgetKind.Size, Metric: SizeMetric.Uncompressed }))}");
        }
        else if (budgets.FirstOrDefault(b => b is { Kind: BudgetKind.Size, Metric: SizeMetric.Uncompressed }) is { } uncompressedBudget)
        {
            sizes.Add($"uncompressed size not measured, budget {uncompressedBudget.Budget} not checked");
        }
        if (image.Platforms.Count == 0 && budgets.FirstOrDefault(b => b is { Kind: BudgetKind.Size, Metric: SizeMetric.Compressed }) is { } uncheckedCompressed)
        {
            sizes.Add($"compressed size not measured, budget {uncheckedCompressed.Budget} not checked");
        }
        foreach (var platform in image.Platforms)
        {
            var budget = budgets.FirstOrDefault(b => b is { Kind: BudgetKind.Size, Metric: SizeMetric.Compressed } && b.Platform == platform.Platform);
            sizes.Add($"{(image.Platforms.Count > 1 ? platform.Platform + " " : "")}{Size(platform.CompressedSizeBytes)} compressed{Verdict(budget)}");
        }
        yield return image.SizeBytes is null && image.Platforms.Count == 0 ? "final image size could not be measured" : "final image " + string.Join(", ", sizes);

        var growth = budgets.Where(b => b.Kind == BudgetKind.Growth).ToList();
        if (growth.Count > 0)
        {
            var metric = growth[0].Metric == SizeMetric.Compressed ? "compressed " : "";
            yield return growth.Any(g => g.Outcome == GateOutcome.Failed) ? $"{metric}grew more than {growth[0].Budget}"
                : growth.All(g => g.Outcome == GateOutcome.Passed) ? $"{metric}growth within {growth[0].Budget}"
                : $"{metric}growth against the baseline not measured";
        }
        if (image.SizeBytes is { } finalBytes && image.BuilderSizeBytes is > 0 and { } builderBytes && finalBytes < builderBytes)
        {
            var savings = new MultiStageSavings(ByteSize.FromBytes(builderBytes), ByteSize.FromBytes(finalBytes));
            yield return $"{savings.PercentSmaller}% smaller than {image.BuilderStage ?? "the builder stage"}";
        }
    }

    /// <summary><c> ≤ 2MB budget</c>, <c> over its 2MB budget</c>, <c>, budget 2MB not checked</c>, or nothing without a budget.</summary>
    private static string Verdict(BudgetResult? budget) => budget?.Outcome switch
    {
        null => "",
        GateOutcome.Passed => $" ≤ {budget.Budget} budget",
        GateOutcome.Failed => $" over its {budget.Budget} budget",
        _ => $", budget {budget.Budget} not checked",
    };

    private static string Size(long bytes) => ByteSize.FromBytes(bytes).ToString();
}
