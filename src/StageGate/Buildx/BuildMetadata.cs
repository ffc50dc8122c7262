using System.Text.Json;

namespace StageGate.Buildx;

/// <summary>
/// buildx's <c>--metadata-file</c>: the evidence of what a build produced. <c>buildx build</c> writes one object
/// for its target; <c>bake</c> writes one per target, keyed by target name, and writes nothing when any target
/// failed. A target without an entry produced nothing this run can vouch for.
/// </summary>
internal sealed record BuildMetadata
{
    /// <summary>No metadata: buildx wrote none, or nothing was asked.</summary>
    public static readonly BuildMetadata None = new();

    private IReadOnlyDictionary<string, BuildResult> ByTarget { get; init; } = new Dictionary<string, BuildResult>();

    private BuildResult? Single { get; init; }

    /// <summary>The result for a bake target, or the single build's result whatever the name.</summary>
    public BuildResult? For(string target) => Single ?? ByTarget.GetValueOrDefault(target);

    /// <summary>Reads the file buildx wrote; a missing, empty or unreadable file is no evidence at all.</summary>
    public static async Task<BuildMetadata> ReadAsync(string path, bool bake, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return None;
        }
        return Parse(json, bake);
    }

    public static BuildMetadata Parse(string json, bool bake)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return None;
            }
            if (!bake)
            {
                return new BuildMetadata { Single = Result(document.RootElement) };
            }
            var targets = new Dictionary<string, BuildResult>(StringComparer.Ordinal);
            foreach (var target in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                targets[target.Name] = Result(target.Value);
            }
            return new BuildMetadata { ByTarget = targets };
        }
        catch (JsonException)
        {
            return None;
        }
    }

    // The config digest is the image id in every image store; the docker driver on the classic store writes only
    // containerimage.digest, which there is the image id too. buildx 0.13 with the docker driver, verified by running it.
    private static BuildResult Result(JsonElement entry) => new(
        String(entry, "containerimage.config.digest") ?? String(entry, "containerimage.digest"))
    {
        Digest = String(entry, "containerimage.digest"),
        HasConfigDigest = String(entry, "containerimage.config.digest") is not null,
    };

    private static string? String(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
