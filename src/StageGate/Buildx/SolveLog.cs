using System.Text.Json.Serialization;

namespace StageGate.Buildx;

/// <summary>A chunk of a step's output; <c>data</c> is base64 and may end mid-line.</summary>
internal sealed record SolveLog
{
    [JsonPropertyName("vertex")]
    public string? Vertex { get; init; }

    [JsonPropertyName("stream")]
    public int Stream { get; init; }

    [JsonPropertyName("data")]
    public byte[]? Data { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }
}
