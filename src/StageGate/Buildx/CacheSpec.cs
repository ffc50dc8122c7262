namespace StageGate.Buildx;

/// <summary>
/// A <c>--cache-from</c> or <c>--cache-to</c> value read for its exporter type: <c>type=inline</c>,
/// <c>type=registry,ref=…</c>, or a bare reference, which buildx takes as <c>type=registry,ref=…</c>.
/// </summary>
internal sealed record CacheSpec(string Type, string Text)
{
    public bool IsInline => Type == "inline";

    public static CacheSpec Parse(string text)
    {
        var fields = text.Split(',', StringSplitOptions.TrimEntries);
        if (!fields.Any(f => f.Contains('=', StringComparison.Ordinal)))
        {
            return new CacheSpec("registry", text);
        }
        var type = fields.FirstOrDefault(f => f.StartsWith("type=", StringComparison.Ordinal))?["type=".Length..] ?? "";
        return new CacheSpec(type, text);
    }
}
