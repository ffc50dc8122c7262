using System.Globalization;
using StageGate.Diagnostics;

namespace StageGate.Budgets;

/// <summary>
/// A size in bytes, written and read the way docker prints sizes: decimal units (<c>kB</c>, <c>MB</c>,
/// <c>GB</c>, <c>TB</c>) and binary units (<c>KiB</c>, <c>MiB</c>, <c>GiB</c>, <c>TiB</c>).
/// </summary>
internal readonly record struct ByteSize(long Bytes) : IComparable<ByteSize>
{
    /// <summary>The units <see cref="Parse"/> accepts, exactly as they must be spelled.</summary>
    public static IReadOnlyList<string> AcceptedUnits { get; } =
        ["B", "kB", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB"];

    private static readonly Dictionary<string, long> UnitFactors = new(StringComparer.Ordinal)
    {
        ["B"] = 1,
        ["kB"] = 1000,
        ["KB"] = 1000,
        ["MB"] = 1000 * 1000,
        ["GB"] = 1000 * 1000 * 1000,
        ["TB"] = 1000L * 1000 * 1000 * 1000,
        ["KiB"] = 1024,
        ["MiB"] = 1024 * 1024,
        ["GiB"] = 1024 * 1024 * 1024,
        ["TiB"] = 1024L * 1024 * 1024 * 1024,
    };

    public static ByteSize Zero => default;

    public static ByteSize FromBytes(long bytes) => new(bytes);

    /// <summary>
    /// Reads a size such as <c>150MB</c>, <c>1.5GB</c>, <c>155 MiB</c>. A unit is required: a bare number is
    /// ambiguous between bytes and the megabytes people usually mean.
    /// </summary>
    /// <exception cref="StageGateException">SG1012 when the text is not a size.</exception>
    public static ByteSize Parse(string text)
    {
        var error = TryParseCore(text, out var size);
        return error is null ? size : throw Codes.InvalidSize.Exception(error);
    }

    public static bool TryParse(string? text, out ByteSize size) => TryParseCore(text, out size) is null;

    /// <summary>Returns null on success, otherwise the message that explains what is wrong with the text.</summary>
    internal static string? TryParseCore(string? text, out ByteSize size)
    {
        size = default;
        var units = string.Join(", ", AcceptedUnits);
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"Invalid size '{text}': the size is empty. Write a number and a unit, e.g. 150MB; accepted units: {units}.";
        }

        var trimmed = text.Trim();
        var numberEnd = 0;
        while (numberEnd < trimmed.Length && (char.IsAsciiDigit(trimmed[numberEnd]) || trimmed[numberEnd] == '.'))
        {
            numberEnd++;
        }
        var number = trimmed[..numberEnd];
        var rest = trimmed[numberEnd..];
        var unit = rest.StartsWith(' ') ? rest[1..] : rest;

        if (trimmed.StartsWith('-'))
        {
            return $"Invalid size '{text}': a size cannot be negative. Accepted units: {units}.";
        }
        if (!IsPlainNumber(number) || unit.Any(c => char.IsAsciiDigit(c) || c == '.' || char.IsWhiteSpace(c)))
        {
            return $"Invalid size '{text}': write a number (digits, optionally with a decimal point) followed by a unit, e.g. 150MB or 1.5GiB; accepted units: {units}.";
        }
        if (unit.Length == 0)
        {
            return $"Invalid size '{text}': the unit is missing (did you mean {number}MB or {number}MiB?). Accepted units: {units}.";
        }
        if (!UnitFactors.TryGetValue(unit, out var factor))
        {
            return $"Invalid size '{text}': unknown unit '{unit}'. Accepted units (spelled exactly so): {units}.";
        }

        var value = decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (factor == 1 && decimal.Truncate(value) != value)
        {
            return $"Invalid size '{text}': a number of bytes has no fraction. Accepted units: {units}.";
        }

        var bytes = value * factor;
        if (bytes > long.MaxValue)
        {
            return $"Invalid size '{text}': the size is too large.";
        }
        // A fractional binary size (1.1MiB) is rarely a whole number of bytes; the nearest byte is what was meant.
        size = new ByteSize((long)decimal.Round(bytes, MidpointRounding.AwayFromZero));
        return null;
    }

    private static bool IsPlainNumber(string number)
    {
        if (number.Length == 0 || number.Length > 28)
        {
            return false;
        }
        var point = number.IndexOf('.', StringComparison.Ordinal);
        if (point < 0)
        {
            return true;
        }
        return point > 0 && point < number.Length - 1 && number.IndexOf('.', point + 1) < 0;
    }

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    public static ByteSize operator +(ByteSize left, ByteSize right) => new(left.Bytes + right.Bytes);

    public static ByteSize operator -(ByteSize left, ByteSize right) => new(left.Bytes - right.Bytes);

    /// <summary>Decimal units with 3 significant digits, as <c>docker images</c> prints sizes: <c>80.2MB</c>, <c>1.23GB</c>.</summary>
    public override string ToString() => ByteSizeFormat.Docker(Bytes);

}
