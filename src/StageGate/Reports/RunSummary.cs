using StageGate.Budgets;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// The one line a run leaves in every host's log (MSBuild, Cake, the CLI's progress), whatever the verbosity:
/// <c>StageGate: tests passed (1 stage), final image 763kB ≤ 2MB budget, 99% smaller than builder</c>.
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
        return result.Image.SizeBytes is not { } bytes ? $"StageGate: image {image} could not be measured"
            : result.Budget is not { } budget ? $"StageGate: image {image} is {Size(bytes)}"
            : budget.Outcome == GateOutcome.Passed ? $"StageGate: image {image} is {Size(bytes)} ≤ {budget.Budget} budget"
            : budget.Outcome == GateOutcome.Failed ? $"StageGate: image {image} is {Size(bytes)}, over its {budget.Budget} budget"
            : $"StageGate: image {image} is {Size(bytes)}, budget {budget.Budget} not checked";
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
        var size = budgets.FirstOrDefault(b => b.Kind == BudgetKind.Size);
        yield return image.SizeBytes is not { } bytes ? "final image size could not be measured"
            : size is null ? $"final image {Size(bytes)}"
            : size.Outcome == GateOutcome.Passed ? $"final image {Size(bytes)} ≤ {size.Budget} budget"
            : size.Outcome == GateOutcome.Failed ? $"final image {Size(bytes)} over its {size.Budget} budget"
            : $"final image {Size(bytes)}, budget {size.Budget} not checked";

        if (budgets.FirstOrDefault(b => b.Kind == BudgetKind.Growth) is { } growth)
        {
            yield return growth.Outcome switch
            {
                GateOutcome.Passed => $"growth within {growth.Budget}",
                GateOutcome.Failed => $"grew more than {growth.Budget}",
                _ => "growth against the baseline not measured",
            };
        }
        if (image.SizeBytes is { } finalBytes && image.BuilderSizeBytes is > 0 and { } builderBytes && finalBytes < builderBytes)
        {
            var savings = new MultiStageSavings(ByteSize.FromBytes(builderBytes), ByteSize.FromBytes(finalBytes));
            yield return $"{savings.PercentSmaller}% smaller than {image.BuilderStage ?? "the builder stage"}";
        }
    }

    private static string Size(long bytes) => ByteSize.FromBytes(bytes).ToString();
}
