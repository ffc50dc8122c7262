using StageGate.Budgets;

namespace StageGate.Gates;

/// <summary>
/// The verdict of one size budget: what was measured, the largest size allowed, and for a growth budget the
/// baseline it grew from. A size that could not be read is <see cref="GateOutcome.CouldNotMeasure"/>, never "over budget".
/// </summary>
/// <param name="Kind">Whether this is the absolute size budget or the growth budget.</param>
/// <param name="Outcome">Passed, failed, or could not measure.</param>
/// <param name="Budget">The budget as the user wrote it, e.g. <c>150MB</c> or <c>5%</c>.</param>
public sealed record BudgetResult(BudgetKind Kind, GateOutcome Outcome, string Budget)
{
    /// <summary>Which size the budget is about: uncompressed (in the engine) or compressed (in the registry).</summary>
    public SizeMetric Metric { get; init; }

    /// <summary>The platform this verdict is for, when the budget is checked per platform of a pushed image.</summary>
    public string? Platform { get; init; }

    /// <summary>The measured size in bytes; null when it could not be measured.</summary>
    public long? MeasuredBytes { get; init; }

    /// <summary>The largest size in bytes that passes: the budget itself, or the baseline plus the allowed growth.</summary>
    public long? LimitBytes { get; init; }

    /// <summary>For a growth budget: the size in bytes the growth is measured from.</summary>
    public long? BaselineBytes { get; init; }

    /// <summary>Why the size could not be measured or compared, when <see cref="Outcome"/> is <see cref="GateOutcome.CouldNotMeasure"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>True when the image is within the budget.</summary>
    public bool Passed => Outcome == GateOutcome.Passed;

    /// <summary>True when the image is over the budget.</summary>
    public bool Failed => Outcome == GateOutcome.Failed;

    /// <summary>
    /// One sentence for a log or a report, e.g.
    /// <c>Uncompressed size: 162MB — over the 150MB budget by 12.4MB</c>, or <c>Compressed size (linux/arm64): …</c>:
    /// sizes as docker prints them, always saying which size, everywhere.
    /// </summary>
    public string Summary => Kind == BudgetKind.Size ? SizeSummary() : GrowthSummary();

    /// <summary><c>Uncompressed size</c>, <c>Compressed growth (linux/arm64)</c>: which size, and whose.</summary>
    private string Label(string what) =>
        $"{(Metric == SizeMetric.Compressed ? "Compressed" : "Uncompressed")} {what}{(Platform is null ? "" : $" ({Platform})")}";

    private string Undecided => Outcome == GateOutcome.NotRun ? "not measured" : "could not measure";

    private string SizeSummary()
    {
        if (Outcome is not (GateOutcome.Passed or GateOutcome.Failed) || MeasuredBytes is not { } measured || LimitBytes is not { } limit)
        {
            return $"{Label("size")}: {Undecided} — {Reason ?? "no size was read"}";
        }
        var size = ByteSizeFormat.Docker(measured);
        return Outcome == GateOutcome.Failed
            ? $"{Label("size")}: {size} — over the {Budget} budget by {Difference(measured, limit)}"
            : measured == limit
                ? $"{Label("size")}: {size} — exactly at the {Budget} budget"
                : $"{Label("size")}: {size} — within the {Budget} budget, {Difference(limit, measured)} to spare";
    }

    private string GrowthSummary()
    {
        if (Outcome is not (GateOutcome.Passed or GateOutcome.Failed)
            || MeasuredBytes is not { } measured || BaselineBytes is not { } baseline || LimitBytes is not { } limit)
        {
            return $"{Label("growth")}: {Undecided} — {Reason ?? "no size was read"}";
        }
        var change = (measured - baseline) switch
        {
            > 0 => $"up {Difference(measured, baseline)} from",
            < 0 => $"down {Difference(baseline, measured)} from",
            _ => "unchanged from",
        };
        // A percentage says little on its own: show the bytes it allows over this baseline.
        var allowed = Budget.EndsWith('%')
            ? $"the {Budget} growth budget ({ByteSizeFormat.Docker(limit - baseline)})"
            : $"the {Budget} growth budget";
        var verdict = Outcome == GateOutcome.Failed
            ? $"over {allowed} by {Difference(measured, limit)}"
            : $"within {allowed}";
        return $"{Label("growth")}: {ByteSizeFormat.Docker(measured)}, {change} the baseline {ByteSizeFormat.Docker(baseline)} — {verdict}";
    }

    /// <summary>
    /// <paramref name="larger"/> minus <paramref name="smaller"/> as docker prints sizes; when rounding would
    /// show the two sizes as equal, the exact byte count and both rounded sizes, so the verdict never looks arbitrary.
    /// </summary>
    private static string Difference(long larger, long smaller)
    {
        var largerText = ByteSizeFormat.Docker(larger);
        var smallerText = ByteSizeFormat.Docker(smaller);
        return largerText == smallerText
            ? $"{ByteSizeFormat.Exact(larger - smaller)} ({largerText} vs {smallerText})"
            : ByteSizeFormat.Docker(larger - smaller);
    }
}
