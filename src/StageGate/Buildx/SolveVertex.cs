using System.Text.Json.Serialization;

namespace StageGate.Buildx;

/// <summary>A node of the build graph: a Dockerfile step or an internal operation, sent again on every change.</summary>
internal sealed record SolveVertex
{
    [JsonPropertyName("digest")]
    public string? Digest { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("started")]
    public DateTimeOffset? Started { get; init; }

    [JsonPropertyName("completed")]
    public DateTimeOffset? Completed { get; init; }

    [JsonPropertyName("cached")]
    public bool Cached { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
