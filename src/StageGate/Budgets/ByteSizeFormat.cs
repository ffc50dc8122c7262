using System.Globalization;

namespace StageGate.Budgets;

/// <summary>The ways a size is written for people: docker's short forms, one-decimal forms for budgets, and exact forms for limits.</summary>
internal static class ByteSizeFormat
{
    private static readonly string[] DecimalUnits = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>docker's <c>HumanSizeWithPrecision(size, 3)</c>, minus its <c>1e+03MB</c> quirk at unit boundaries.</summary>
    public static string Docker(long bytes) => Significant(bytes, 1000, DecimalUnits, 3);

    /// <summary>A count of bytes, for differences too small to show in larger units: <c>1,234 B</c>.</summary>
    public static string Exact(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";

    /// <summary>
    /// The shortest exact spelling, so a limit reads as it was written: 150000000 → <c>150MB</c>,
    /// 162529280 → <c>155MiB</c>, 1500000000 → <c>1.5GB</c>.
    /// </summary>
    public static string Compact(long bytes)
    {
        var best = bytes.ToString(CultureInfo.InvariantCulture) + "B";
        foreach (var (factor, unit) in CompactUnits)
        {
            var value = (decimal)bytes / factor;
            if (Math.Abs(bytes) < factor || decimal.Round(value, 2) != value)
            {
                continue;
            }
            var text = value.ToString("0.##", CultureInfo.InvariantCulture) + unit;
            if (text.Length < best.Length)
            {
                best = text;
            }
        }
        return best;
    }

    private static readonly (long Factor, string Unit)[] CompactUnits =
    [
        (1000L * 1000 * 1000 * 1000, "TB"), (1000 * 1000 * 1000, "GB"), (1000 * 1000, "MB"), (1000, "kB"),
        (1024L * 1024 * 1024 * 1024, "TiB"), (1024 * 1024 * 1024, "GiB"), (1024 * 1024, "MiB"), (1024, "KiB"),
    ];

    private static string Significant(long bytes, double unitBase, string[] units, int digits)
    {
        var sign = bytes < 0 ? "-" : "";
        var value = Math.Abs((double)bytes);
        var i = 0;
        while (value >= unitBase && i < units.Length - 1)
        {
            value /= unitBase;
            i++;
        }
        var format = "G" + digits.ToString(CultureInfo.InvariantCulture);
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        // 999.6kB rounds to "1E+03" at 3 digits; the reader wants "1MB".
        if (text.Contains('E', StringComparison.Ordinal) && i < units.Length - 1)
        {
            value /= unitBase;
            i++;
            text = value.ToString(format, CultureInfo.InvariantCulture);
        }
        return sign + text + units[i];
    }
}
