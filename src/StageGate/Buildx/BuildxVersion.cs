using System.Globalization;

namespace StageGate.Buildx;

/// <summary>
/// What <c>docker buildx version</c> prints: <c>github.com/docker/buildx v0.13.1 788433953af1…</c> upstream,
/// <c>github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3</c> from Debian.
/// </summary>
internal sealed record BuildxVersion(string Text, Version Version, string? Revision)
{
    public bool IsAtLeast(int major, int minor, int patch = 0) => Version >= new Version(major, minor, patch);

    /// <summary>Null when the output is not buildx's version line: the probe reports what it saw instead of throwing.</summary>
    public static BuildxVersion? Parse(string? output)
    {
        foreach (var line in Lines(output))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[0].EndsWith("/buildx", StringComparison.Ordinal)
                && ParseVersion(words[1]) is { } version)
            {
                return new BuildxVersion(words[1], version, words.Length > 2 ? words[2] : null);
            }
        }
        return null;
    }

    /// <summary>Reads the leading <c>major.minor[.patch]</c> of <c>v0.13.1</c>, <c>0.13.1+ds1</c>, <c>v0.8+unknown</c>.</summary>
    internal static Version? ParseVersion(string text)
    {
        var start = text.StartsWith('v') ? 1 : 0;
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }
        var parts = text[start..end].Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts.Length > 3 || text[start..end].EndsWith('.'))
        {
            return null;
        }
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }
        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    internal static IEnumerable<string> Lines(string? output) =>
        (output ?? "").Split('\n').Select(l => l.TrimEnd('\r').Trim()).Where(l => l.Length > 0);
}
