using System.Text.Json;

namespace StageGate.Tests.Buildx;

/// <summary>
/// Synthesized <c>--progress=rawjson</c> records, shaped like the captured fixtures (one object per record,
/// pretty-printed as buildx writes them, so a log record's base64 <c>data</c> sits on a line of its own).
/// </summary>
internal static class RawJson
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Vertex(string digest, string name, double? started = null, double? completed = null, bool cached = false, string? error = null)
    {
        var vertex = new Dictionary<string, object> { ["digest"] = digest, ["name"] = name };
        if (started is { } s)
        {
            vertex["started"] = Start.AddSeconds(s);
        }
        if (completed is { } c)
        {
            vertex["completed"] = Start.AddSeconds(c);
        }
        if (cached)
        {
            vertex["cached"] = true;
        }
        if (error is not null)
        {
            vertex["error"] = error;
        }
        return JsonSerializer.Serialize(new { vertexes = new[] { vertex } }, Indented) + "\n";
    }

    /// <summary>The opening of a log record up to its base64 data, which the caller streams after it.</summary>
    public static string LogStart(string digest, int stream = 1) =>
        "{\n  \"logs\": [\n    {\n      \"vertex\": \"" + digest + "\",\n      \"stream\": " + stream + ",\n      \"data\": \"";

    /// <summary>The end of a log record whose data was streamed after <see cref="LogStart"/>.</summary>
    public static string LogEnd() => "\",\n      \"timestamp\": \"2026-12-01T12:00:01Z\"\n    }\n  ]\n}\n";

    public static string Log(string digest, string text, int stream = 1) =>
        LogStart(digest, stream) + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)) + LogEnd();
}
