using System.Text;

namespace StageGate.Processes;

/// <summary>Replaces every secret with <c>***</c>, longest first so a secret containing another hides whole.</summary>
internal sealed class Redactor
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public Redactor(IEnumerable<string> secrets) =>
        _secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

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
