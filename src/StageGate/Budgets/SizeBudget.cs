using StageGate.Gates;

namespace StageGate.Budgets;

/// <summary>The largest size the final image may have, e.g. <c>150MB</c>.</summary>
internal sealed record SizeBudget(ByteSize Limit)
{
    /// <exception cref="Diagnostics.StageGateException">SG1012 when the text is not a size.</exception>
    public static SizeBudget Parse(string text) => new(ByteSize.Parse(text));

    /// <summary>
    /// Passes when <paramref name="measured"/> is at most the limit. No measurement gives
    /// <see cref="GateOutcome.CouldNotMeasure"/> with <paramref name="notMeasuredReason"/>, never a failure.
    /// </summary>
    public BudgetResult Evaluate(ByteSize? measured, string? notMeasuredReason = null)
    {
        var budget = ToString();
        if (measured is not { } size)
        {
            return new BudgetResult(BudgetKind.Size, GateOutcome.CouldNotMeasure, budget)
            {
                LimitBytes = Limit.Bytes,
                Reason = notMeasuredReason ?? "the image size could not be read",
            };
        }
        return new BudgetResult(BudgetKind.Size, size <= Limit ? GateOutcome.Passed : GateOutcome.Failed, budget)
        {
            MeasuredBytes = size.Bytes,
            LimitBytes = Limit.Bytes,
        };
    }

    /// <summary>
    /// The budget on each pushed platform's compressed size, one verdict per platform; no platforms (the registry did
    /// not tell) give one <see cref="GateOutcome.CouldNotMeasure"/> with <paramref name="notMeasuredReason"/>.
    /// </summary>
    public IReadOnlyList<BudgetResult> EvaluateCompressed(IReadOnlyList<PlatformSize> platforms, string? notMeasuredReason = null) =>
        platforms.Count == 0
            ? [Evaluate(null, notMeasuredReason) with { Metric = SizeMetric.Compressed }]
            : platforms.Select(p => Evaluate(ByteSize.FromBytes(p.CompressedSizeBytes)) with { Metric = SizeMetric.Compressed, Platform = p.Platform }).ToList();

    /// <summary>The limit in its shortest exact spelling (<c>150MB</c>, <c>155MiB</c>).</summary>
    public override string ToString() => ByteSizeFormat.Compact(Limit.Bytes);
}
