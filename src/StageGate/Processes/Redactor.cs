using System.Text;

namespace StageGate.Processes;

/// <summary>
/// Replaces every secret with <c>***</c>, longest first so a secret containing another hides whole. A secret is
/// masked as given, trimmed, and line by line: build output arrives one line at a time, so a PEM key printed by a
/// step shows up as its lines, never as the whole value.
/// </summary>
internal sealed class Redactor
{
    public const string Mask = "***";

    // Lines shorter than this (a lone "}" or "==") would mask ordinary output everywhere while hiding nothing an
    // attacker could use. Longer lines are all masked, PEM "-----BEGIN …-----" boundaries too, as CI systems do:
    // telling harmless lines from secret ones is a guess, and a wrong guess leaks.
    private const int ShortestMaskedLine = 4;

    private readonly string[] _secrets;

    public Redactor(IEnumerable<string> secrets) =>
        _secrets = [.. secrets.SelectMany(Forms).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    /// <summary>What of a secret can appear in output: the value, the value trimmed, and each substantial line.</summary>
    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return secret.Trim();
        foreach (var line in secret.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length >= ShortestMaskedLine)
            {
                yield return trimmed;
            }
        }
    }

    /// <summary>The length of the longest secret, 0 when there is none.</summary>
    public int LongestSecret => _secrets.Length == 0 ? 0 : _secrets[0].Length;

    public string Redact(string text) => Redact(text, text.Length, out _);

    /// <summary>
    /// Redacts the characters of <paramref name="text"/> before <paramref name="limit"/>; a secret that starts
    /// before the limit is masked whole even if it ends after it. <paramref name="consumed"/> is how many
    /// characters of <paramref name="text"/> the returned string stands for.
    /// </summary>
    public string Redact(string text, int limit, out int consumed)
    {
        limit = Math.Min(limit, text.Length);
        if (_secrets.Length == 0 || !_secrets.Any(s => text.Contains(s, StringComparison.Ordinal)))
        {
            consumed = limit;
            return limit == text.Length ? text : text[..limit];
        }

        var result = new StringBuilder(limit);
        var i = 0;
        while (i < limit)
        {
            var secret = Array.Find(_secrets, s => text.AsSpan(i).StartsWith(s, StringComparison.Ordinal));
            if (secret is null)
            {
                result.Append(text[i]);
                i++;
            }
            else
            {
                result.Append(Mask);
                i += secret.Length;
            }
        }
        consumed = i;
        return result.ToString();
    }
}
