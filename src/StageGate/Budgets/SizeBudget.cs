namespace StageGate.Budgets;

/// <summary>The largest size the final image may have, e.g. <c>150MB</c>.</summary>
public sealed record SizeBudget(ByteSize Limit)
{
    /// <exception cref="Diagnostics.StageGateException">SG1012 when the text is not a size.</exception>
    public static SizeBudget Parse(string text) => new(ByteSize.Parse(text));

    /// <summary>
    /// Passes when <paramref name="measured"/> is at most the limit. No measurement gives
    /// <see cref="BudgetOutcome.CouldNotMeasure"/> with <paramref name="notMeasuredReason"/>, never a failure.
    /// </summary>
    public BudgetVerdict Evaluate(ByteSize? measured, string? notMeasuredReason = null)
    {
        var budget = ToString();
        if (measured is not { } size)
        {
            return new BudgetVerdict(BudgetType.Size, BudgetOutcome.CouldNotMeasure, budget)
            {
                Limit = Limit,
                Reason = notMeasuredReason ?? "the image size could not be read",
            };
        }
        return new BudgetVerdict(BudgetType.Size, size <= Limit ? BudgetOutcome.Passed : BudgetOutcome.Failed, budget)
        {
            Measured = size,
            Limit = Limit,
        };
    }

    /// <summary>The limit in its shortest exact spelling (<c>150MB</c>, <c>155MiB</c>).</summary>
    public override string ToString() => ByteSizeFormat.Compact(Limit.Bytes);
}
