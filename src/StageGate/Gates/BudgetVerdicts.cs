using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.Gates;

/// <summary>
/// The budgets' verdicts on the measured final image: the size budget on the uncompressed size, the compressed
/// budget on each pushed platform, the growth budget in the metric of the budget beside it. A size that was not
/// measured is "could not measure", never over budget, and never a pass: the run fails with exit code 2.
/// </summary>
internal static class BudgetVerdicts
{
    /// <summary>Every budget's verdicts, adding a diagnostic for each one broken.</summary>
    public static List<BudgetResult> Decide(GatePlan plan, FinalImageResult image, List<Diagnostic> diagnostics)
    {
        var budgets = new List<BudgetResult>();
        ByteSize? measured = image.SizeBytes is long size ? ByteSize.FromBytes(size) : null;
        var reason = image.Outcome switch
        {
            GateOutcome.Passed when measured is null => "the final image's uncompressed size could not be measured",
            GateOutcome.Passed => null,
            GateOutcome.CouldNotMeasure => "the final image could not be measured",
            GateOutcome.NotRun => "the final stage was not built",
            _ => "the final stage failed to build",
        };
        var compressedReason = image.Outcome switch
        {
            GateOutcome.Passed or GateOutcome.CouldNotMeasure => "the registry did not give the pushed image's compressed size",
            _ => reason,
        };

        if (plan.SizeBudget is { } sizeBudget)
        {
            var verdict = sizeBudget.Evaluate(measured, reason);
            budgets.Add(verdict);
            if (verdict.Failed)
            {
                diagnostics.Add(Codes.OverBudget.Create(
                    $"Final image '{plan.FinalTag}' is over its size budget. {verdict.Summary}. To change the budget, set {plan.Options.NameOf(OptionTable.SizeBudget)}.",
                    plan.DockerfilePath, plan.FinalStage.Line) with { Details = GatePipeline.TopLayers(image) });
            }
        }

        if (plan.CompressedSizeBudget is { } compressedBudget)
        {
            foreach (var verdict in compressedBudget.EvaluateCompressed(image.Platforms, compressedReason))
            {
                budgets.Add(verdict);
                if (verdict.Failed)
                {
                    diagnostics.Add(Codes.OverBudget.Create(
                        $"Final image '{plan.FinalTag}'{(verdict.Platform is null ? "" : $" for {verdict.Platform}")} is over its compressed size budget. {verdict.Summary}. To change the budget, set {plan.Options.NameOf(OptionTable.CompressedSizeBudget)}.",
                        plan.DockerfilePath, plan.FinalStage.Line) with { Details = GatePipeline.TopLayers(image) });
                }
            }
        }

        if (plan.GrowthBudget is { } growthBudget)
        {
            var growths = plan.GrowthMetric == SizeMetric.Compressed
                ? CompressedSizes(image).Select(p => (p.Platform, Measured: p.Size, Baseline: CompressedBaseline(plan, image, p.Platform, diagnostics), Reason: compressedReason))
                : [(Platform: (string?)null, Measured: measured, Baseline: plan.BaselineBytes is long b ? ByteSize.FromBytes(b) : (ByteSize?)null, Reason: reason)];
            foreach (var (platform, current, baseline, why) in growths.ToList())
            {
                var verdict = growthBudget.Evaluate(current, baseline, current is null ? why : $"the baseline records no compressed size for {platform ?? "the image"}")
                    with { Metric = plan.GrowthMetric, Platform = platform };
                budgets.Add(verdict);
                if (verdict.Failed)
                {
                    diagnostics.Add(Codes.OverGrowthBudget.Create(
                        $"Final image '{plan.FinalTag}'{(platform is null ? "" : $" for {platform}")} grew more than its growth budget. {verdict.Summary}. To allow it, raise {plan.Options.NameOf(OptionTable.GrowthBudget)} or refresh the baseline ({plan.Options.NameOf(OptionTable.Baseline)}).",
                        plan.DockerfilePath, plan.FinalStage.Line) with { Details = GatePipeline.TopLayers(image) });
                }
            }
        }

        RequireMeasured(plan, budgets, diagnostics);
        return budgets;
    }

    /// <summary>
    /// A budget that was set but had no size to judge is an error (SG4003, exit code 2) unless an error already says
    /// why: a run whose budget went unchecked must not pass. A platform measured but new to the baseline is not this
    /// (SG4005 says so).
    /// </summary>
    private static void RequireMeasured(GatePlan plan, List<BudgetResult> budgets, List<Diagnostic> diagnostics)
    {
        var unmeasured = budgets.Where(b => b.Outcome == GateOutcome.CouldNotMeasure && b.MeasuredBytes is null).ToList();
        if (unmeasured.Count == 0 || diagnostics.Any(d => d.IsError))
        {
            return;
        }
        var which = unmeasured.Select(b => $"the {(b.Kind == BudgetKind.Growth ? "growth" : b.Metric == SizeMetric.Compressed ? "compressed size" : "size")} budget {b.Budget}{(b.Platform is null ? "" : $" for {b.Platform}")} ({b.Reason})").Distinct();
        diagnostics.Add(Codes.CouldNotMeasure.Create(
            $"Final image '{plan.FinalTag}' was not checked against {string.Join(", ", which)}. A budget that cannot be checked is not a pass.",
            plan.DockerfilePath, plan.FinalStage.Line) with { Severity = DiagnosticSeverity.Error });
    }

    /// <summary>Each pushed platform's compressed size; one unknown size when the registry gave none, so its budget says "could not measure".</summary>
    private static IReadOnlyList<(string? Platform, ByteSize? Size)> CompressedSizes(FinalImageResult image) =>
        image.Platforms.Count == 0
            ? [(null, null)]
            : image.Platforms.Select(p => (p.Platform, (ByteSize?)ByteSize.FromBytes(p.CompressedSizeBytes))).ToList();

    /// <summary>
    /// The baseline's compressed size for <paramref name="platform"/>: the same platform, or, when both runs pushed a
    /// single platform, that one. A platform new next to others the baseline has is SG4005, never a failure; a baseline
    /// with no compressed size at all was refused when the plan was made (SG1014).
    /// </summary>
    private static ByteSize? CompressedBaseline(GatePlan plan, FinalImageResult image, string? platform, List<Diagnostic> diagnostics)
    {
        if (image.Platforms.Count == 0)
        {
            return null;
        }
        long? bytes = plan.CompressedBaseline.TryGetValue(platform ?? "", out var same) ? same
            : image.Platforms.Count == 1 && plan.CompressedBaseline.Count == 1 ? plan.CompressedBaseline.Values.Single()
            : null;
        if (bytes is { } known)
        {
            return ByteSize.FromBytes(known);
        }
        diagnostics.Add(Codes.BaselineLacksPlatform.Create(
            $"The baseline ({plan.Options.Get(OptionTable.Baseline)}) records no compressed size for {platform ?? "the pushed image"}, so its growth was not checked. A report written by a run that pushed the image is the baseline to use.",
            plan.Options.Get(OptionTable.Baseline)));
        return null;
    }
}
