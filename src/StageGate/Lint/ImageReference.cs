using System.Text.RegularExpressions;

namespace StageGate.Lint;

/// <summary>
/// An image reference split as the distribution reference grammar splits it: name, tag, digest. Only what the
/// linter needs: whether it is valid, and how it is pinned.
/// </summary>
internal sealed partial record ImageReference(string Name, string? Tag, string? Digest)
{
    /// <summary>The last path component of the name, e.g. <c>sdk</c> for <c>mcr.microsoft.com/dotnet/sdk</c>.</summary>
    public string ShortName => Name[(Name.LastIndexOf('/') + 1)..];

    /// <summary>The reference, or null when the grammar rejects it (empty, upper-case, a trailing colon).</summary>
    public static ImageReference? Parse(string text)
    {
        var match = Grammar().Match(text);
        if (!match.Success || match.Groups["name"].Value.Length > 255)
        {
            return null;
        }
        return new ImageReference(
            match.Groups["name"].Value,
            match.Groups["tag"].Success ? match.Groups["tag"].Value : null,
            match.Groups["digest"].Success ? match.Groups["digest"].Value : null);
    }

    // distribution/reference: [domain[:port]/]path-component(/path-component)*[:tag][@digest]
    [GeneratedRegex(
        @"^(?<name>(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*)(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
