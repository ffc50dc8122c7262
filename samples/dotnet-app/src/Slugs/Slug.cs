using System.Globalization;
using System.Text;

namespace Slugs;

/// <summary>Turns a title into the lower-case, dash-separated form used in URLs.</summary>
public static class Slug
{
    public static string From(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = new StringBuilder(title.Length);
        // Decomposed, an accented letter is its base letter plus a combining mark: "é" becomes "e" and "´".
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}
