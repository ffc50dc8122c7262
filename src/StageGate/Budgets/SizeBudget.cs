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

    /// <summary>The limit in its shortest exact spelling (<c>150MB</c>, <c>155MiB</c>).</summary>
    public override string ToString() => ByteSizeFormat.Compact(Limit.Bytes);
}
