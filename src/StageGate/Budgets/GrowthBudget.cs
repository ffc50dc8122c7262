using StageGate.Gates;
using System.Globalization;
using StageGate.Diagnostics;

namespace StageGate.Budgets;

/// <summary>
/// How much the final image may grow over a baseline size: a percentage of the baseline (<c>5%</c>) or a
/// fixed size (<c>10MB</c>).
/// </summary>
internal sealed record GrowthBudget
{
    private GrowthBudget(decimal? percent, ByteSize? size)
    {
        Percent = percent;
        Size = size;
    }

    /// <summary>The allowed growth as a percentage of the baseline; null for a fixed-size budget.</summary>
    public decimal? Percent { get; }

    /// <summary>The allowed growth as a size; null for a percentage budget.</summary>
    public ByteSize? Size { get; }

    /// <summary>Reads <c>5%</c>, <c>2.5 %</c>, <c>10MB</c> or <c>8MiB</c>.</summary>
    /// <exception cref="StageGateException">SG1013 when the text is neither a percentage nor a size.</exception>
    public static GrowthBudget Parse(string text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.EndsWith('%'))
        {
            var number = trimmed[..^1];
            number = number.EndsWith(' ') ? number[..^1] : number;
            if (number.Length > 0 && char.IsAsciiDigit(number[0]) && char.IsAsciiDigit(number[^1])
                && decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
            {
                return new GrowthBudget(percent, null);
            }
        }
        else if (ByteSize.TryParse(trimmed, out var size))
        {
            return new GrowthBudget(null, size);
        }
        throw Codes.InvalidGrowthBudget.Exception(
            $"Invalid growth budget '{text}': write a percentage of the baseline (5%, 2.5%) or a size (10MB, 8MiB; accepted units: {string.Join(", ", ByteSize.AcceptedUnits)}).");
    }

    /// <summary>The growth allowed over <paramref name="baseline"/>, rounded down to a whole byte.</summary>
    public ByteSize AllowedGrowth(ByteSize baseline)
    {
        if (Size is { } size)
        {
            return size;
        }
        var allowed = decimal.Floor(baseline.Bytes * (Percent ?? 0) / 100m);
        return new ByteSize(allowed > long.MaxValue ? long.MaxValue : (long)allowed);
    }

    /// <summary>
    /// Passes when <c>measured - baseline</c> is at most the allowed growth. A missing measurement or a missing
    /// baseline gives <see cref="GateOutcome.CouldNotMeasure"/>, never a failure.
    /// </summary>
    public BudgetResult Evaluate(ByteSize? measured, ByteSize? baseline, string? notMeasuredReason = null)
    {
        var budget = ToString();
        if (baseline is not { } from)
        {
            return new BudgetResult(BudgetKind.Growth, GateOutcome.CouldNotMeasure, budget)
            {
                MeasuredBytes = measured?.Bytes,
                Reason = notMeasuredReason ?? "there is no baseline size to compare with",
            };
        }
        var allowed = AllowedGrowth(from);
        if (measured is not { } size)
        {
            return new BudgetResult(BudgetKind.Growth, GateOutcome.CouldNotMeasure, budget)
            {
                BaselineBytes = from.Bytes,
                LimitBytes = (from + allowed).Bytes,
                Reason = notMeasuredReason ?? "the image size could not be read",
            };
        }
        return new BudgetResult(BudgetKind.Growth, size - from <= allowed ? GateOutcome.Passed : GateOutcome.Failed, budget)
        {
            MeasuredBytes = size.Bytes,
            BaselineBytes = from.Bytes,
            LimitBytes = (from + allowed).Bytes,
        };
    }

    public override string ToString() => Percent is { } percent
        ? percent.ToString("0.############", CultureInfo.InvariantCulture) + "%"
        : ByteSizeFormat.Compact(Size.GetValueOrDefault().Bytes);
}
