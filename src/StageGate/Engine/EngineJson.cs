using System.Globalization;
using System.Text.Json;

namespace StageGate.Engine;

/// <summary>
/// Reads the Engine API's JSON into StageGate's records by hand: a handful of fields, tolerant of the
/// nulls and missing keys older daemons and imported images produce.
/// </summary>
internal static class EngineJson
{
    internal static EngineVersion ReadVersion(JsonElement root) => new(
        String(root, "Version"),
        String(root, "ApiVersion"),
        String(root, "Os"),
        String(root, "Arch"));

    internal static ImageDetails ReadImage(JsonElement root) => new(
        String(root, "Id"),
        Strings(root, "RepoTags"),
        Strings(root, "RepoDigests"),
        Int64(root, "Size"),
        Timestamp(String(root, "Created")),
        String(root, "Os"),
        String(root, "Architecture"),
        root.TryGetProperty("RootFS", out var rootFs) && rootFs.ValueKind == JsonValueKind.Object ? Strings(rootFs, "Layers") : []);

    internal static IReadOnlyList<ImageLayer> ReadHistory(JsonElement root) => root.ValueKind != JsonValueKind.Array
        ? []
        : root.EnumerateArray().Select(step => new ImageLayer(
            String(step, "Id"),
            DateTimeOffset.FromUnixTimeSeconds(Int64(step, "Created")),
            String(step, "CreatedBy"),
            Int64(step, "Size"),
            String(step, "Comment"),
            Strings(step, "Tags"))).ToList();

    internal static IReadOnlyList<RemovedImage> ReadRemoved(JsonElement root) => root.ValueKind != JsonValueKind.Array
        ? []
        : root.EnumerateArray().Select(entry => new RemovedImage(
            NullableString(entry, "Untagged"),
            NullableString(entry, "Deleted"))).ToList();

    /// <summary>The daemon's <c>{"message": …}</c>, or the body itself when it is not that JSON.</summary>
    internal static string ReadErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                NullableString(document.RootElement, "message") is { Length: > 0 } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Proxies and very old daemons answer in plain text; show that instead.
        }
        var text = body.Trim();
        return text.Length <= 500 ? text : text[..500] + "…";
    }

    private static string String(JsonElement element, string name) => NullableString(element, name) ?? "";

    private static string? NullableString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static long Int64(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : 0;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    // Docker writes RFC 3339 with nanoseconds; images without a date carry Go's zero time.
    private static DateTimeOffset? Timestamp(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.Year > 1
            ? time
            : null;
}
