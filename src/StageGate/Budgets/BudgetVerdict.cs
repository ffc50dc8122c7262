namespace StageGate.Budgets;

/// <summary>How a budget came out. A size that could not be read is its own outcome, never "over budget".</summary>
public enum BudgetOutcome
{
    Passed,
    Failed,
    CouldNotMeasure,
}

/// <summary>Which kind of budget a verdict is about.</summary>
public enum BudgetType
{
    /// <summary>An absolute maximum size (<see cref="SizeBudget"/>).</summary>
    Size,

    /// <summary>A maximum growth over a baseline size (<see cref="GrowthBudget"/>).</summary>
    Growth,
}

/// <summary>
/// The result of checking one budget: what was measured, the largest size allowed, and by how much the
/// size is over (positive) or under (negative) that limit.
/// </summary>
public sealed record BudgetVerdict(BudgetType Type, BudgetOutcome Outcome, string Budget)
{
    /// <summary>The measured size; null when it could not be measured.</summary>
    public ByteSize? Measured { get; init; }

    /// <summary>The largest size that passes: the budget itself, or the baseline plus the allowed growth.</summary>
    public ByteSize? Limit { get; init; }

    /// <summary>For growth budgets: the size the growth is measured from.</summary>
    public ByteSize? Baseline { get; init; }

    /// <summary>For growth budgets: how much growth the budget allows over the baseline.</summary>
    public ByteSize? AllowedGrowth { get; init; }

    /// <summary>Why the size could not be measured (or compared), when <see cref="Outcome"/> is <see cref="BudgetOutcome.CouldNotMeasure"/>.</summary>
    public string? Reason { get; init; }

    /// <summary><see cref="Measured"/> minus <see cref="Limit"/>: positive when over, zero or negative when within.</summary>
    public ByteSize? Overage => Measured is { } measured && Limit is { } limit ? measured - limit : null;

    public bool Passed => Outcome == BudgetOutcome.Passed;

    public bool Failed => Outcome == BudgetOutcome.Failed;

    /// <summary>
    /// One sentence for a log or a report, e.g.
    /// <c>Size: 162.4MB (154.9MiB) — over the 150MB budget by 12.4MB (11.8MiB)</c>.
    /// </summary>
    public string Describe() => Type == BudgetType.Size ? DescribeSize() : DescribeGrowth();

    private string DescribeSize()
    {
        if (Measured is not { } measured || Limit is not { } limit)
        {
            return $"Size: could not measure — {Reason ?? "no size was read"}";
        }
        var size = ByteSizeFormat.BothUnits(measured.Bytes);
        return Outcome == BudgetOutcome.Failed
            ? $"Size: {size} — over the {Budget} budget by {Difference(measured, limit)}"
            : measured == limit
                ? $"Size: {size} — exactly at the {Budget} budget"
                : $"Size: {size} — within the {Budget} budget, {Difference(limit, measured)} to spare";
    }

    private string DescribeGrowth()
    {
        if (Measured is not { } measured || Baseline is not { } baseline || Limit is not { } limit)
        {
            return $"Growth: could not measure — {Reason ?? "no size was read"}";
        }
        var growth = measured - baseline;
        var change = growth.Bytes switch
        {
            > 0 => $"up {Difference(measured, baseline)} from",
            < 0 => $"down {Difference(baseline, measured)} from",
            _ => "unchanged from",
        };
        var allowed = AllowedGrowth is { } allowedGrowth && Budget.EndsWith('%')
            ? $"the {Budget} growth budget ({ByteSizeFormat.OneDecimal(allowedGrowth.Bytes)})"
            : $"the {Budget} growth budget";
        var verdict = Outcome == BudgetOutcome.Failed
            ? $"over {allowed} by {Difference(measured, limit)}"
            : $"within {allowed}";
        return $"Growth: {ByteSizeFormat.BothUnits(measured.Bytes)}, {change} the baseline {ByteSizeFormat.BothUnits(baseline.Bytes)} — {verdict}";
    }

    /// <summary>
    /// <paramref name="larger"/> minus <paramref name="smaller"/> in both units; when one-decimal rounding would
    /// show the two sizes as equal, the exact byte count and both rounded sizes, so the verdict never looks arbitrary.
    /// </summary>
    private static string Difference(ByteSize larger, ByteSize smaller)
    {
        var difference = (larger - smaller).Bytes;
        var largerText = ByteSizeFormat.OneDecimal(larger.Bytes);
        var smallerText = ByteSizeFormat.OneDecimal(smaller.Bytes);
        return largerText == smallerText
            ? $"{ByteSizeFormat.Exact(difference)} ({largerText} vs {smallerText})"
            : ByteSizeFormat.BothUnits(difference);
    }
}
