using System.Text.Json.Serialization;

namespace StageGate.Buildx;

/// <summary>A build warning (newer BuildKit: lint checks, deprecated syntax); <c>short</c> is base64.</summary>
internal sealed record SolveWarning
{
    [JsonPropertyName("vertex")]
    public string? Vertex { get; init; }

    [JsonPropertyName("level")]
    public int Level { get; init; }

    [JsonPropertyName("short")]
    public byte[]? Short { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }
}
