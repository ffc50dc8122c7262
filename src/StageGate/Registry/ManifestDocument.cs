using System.Text.Json;
using StageGate.Diagnostics;

namespace StageGate.Registry;

/// <summary>
/// A manifest read strictly: an index (OCI image index, Docker manifest list) listing per-platform manifests, or an
/// image manifest (OCI, Docker v2 schema 2) whose config and layers make the compressed size a pull downloads.
/// </summary>
internal sealed record ManifestDocument
{
    public required string MediaType { get; init; }

    /// <summary>For an index: its entries, attestation manifests included and marked.</summary>
    public IReadOnlyList<ManifestDescriptor> Manifests { get; init; } = [];

    /// <summary>For an image manifest: the config blob's size plus every layer's, as stored (compressed).</summary>
    public long CompressedSize { get; init; }

    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    /// <exception cref="StageGateException">SG2020 when it is not JSON, not a manifest StageGate reads, or lacks a size.</exception>
    public static ManifestDocument Parse(ManifestResponse response, string what)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.Body);
        }
        catch (JsonException e)
        {
            throw Malformed(what, $"it is not JSON ({e.Message.Split(" LineNumber:")[0]})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(what, "it is not a JSON object");
            }
            // The body's own mediaType wins over the header: some registries answer application/json.
            var mediaType = String(root, "mediaType") is { Length: > 0 } own ? own
                : response.MediaType is { Length: > 0 } header && header != "application/json" ? header
                : root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex
                : MediaTypes.OciManifest;
            if (Number(root, "schemaVersion") is not 2)
            {
                throw Malformed(what, $"its schemaVersion is {(root.TryGetProperty("schemaVersion", out var v) ? v.ToString() : "missing")}, and only schema 2 (Docker v2 schema 2, OCI) gives sizes; push it again with a current docker");
            }
            if (MediaTypes.IsIndex(mediaType))
            {
                return new ManifestDocument { MediaType = mediaType, Manifests = Entries(root, what) };
            }
            if (!MediaTypes.IsImage(mediaType))
            {
                throw Malformed(what, $"its media type {mediaType} is no image manifest or index");
            }
            if (!root.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(what, "it has no config");
            }
            var size = Size(config, what, "config");
            if (!root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(what, "it has no layers list");
            }
            var index = 0;
            foreach (var layer in layers.EnumerateArray())
            {
                var layerSize = Size(layer, what, $"layers[{index++}]");
                size = size > long.MaxValue - layerSize
                    ? throw Malformed(what, "its config and layer sizes add up to more than any image holds")
                    : size + layerSize;
            }
            return new ManifestDocument { MediaType = mediaType, CompressedSize = size };
        }
    }

    private static List<ManifestDescriptor> Entries(JsonElement root, string what)
    {
        if (!root.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(what, "the index has no manifests list");
        }
        var entries = new List<ManifestDescriptor>();
        var index = 0;
        foreach (var entry in manifests.EnumerateArray())
        {
            var where = $"manifests[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object || String(entry, "digest") is not { } digest)
            {
                throw Malformed(what, $"{where} has no digest");
            }
            if (!ContentDigest.IsValid(digest))
            {
                throw Malformed(what, $"{where} has no valid digest (sha256: and 64, or sha512: and 128, lower case hex digits)");
            }
            string? platform = null;
            if (entry.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                var parts = new[] { String(p, "os"), String(p, "architecture"), String(p, "variant") }.Where(s => !string.IsNullOrEmpty(s));
                platform = string.Join('/', parts);
            }
            var attestation = platform == "unknown/unknown"
                || (entry.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object
                    && String(annotations, "vnd.docker.reference.type") == "attestation-manifest");
            entries.Add(new ManifestDescriptor(digest, string.IsNullOrEmpty(platform) ? null : platform, attestation));
        }
        return entries;
    }

    private static long Size(JsonElement descriptor, string what, string where) =>
        descriptor.ValueKind == JsonValueKind.Object && descriptor.TryGetProperty("size", out var size)
        && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var bytes) && bytes >= 0
            ? bytes
            : throw Malformed(what, $"{where} has no size");

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static StageGateException Malformed(string what, string why) =>
        Codes.ManifestMalformed.Exception($"The manifest {what} cannot be measured: {why}.");
}
