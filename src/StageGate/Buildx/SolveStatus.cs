using System.Text.Json.Serialization;

namespace StageGate.Buildx;

/// <summary>
/// One object of <c>--progress=rawjson</c>: BuildKit's <c>client.SolveStatus</c> as buildx encodes it. Only the
/// fields StageGate reads are declared; transfer statuses are skipped.
/// </summary>
internal sealed record SolveStatus
{
    [JsonPropertyName("vertexes")]
    public IReadOnlyList<SolveVertex>? Vertexes { get; init; }

    [JsonPropertyName("logs")]
    public IReadOnlyList<SolveLog>? Logs { get; init; }

    [JsonPropertyName("warnings")]
    public IReadOnlyList<SolveWarning>? Warnings { get; init; }
}

/// <summary>A node of the build graph: a Dockerfile step or an internal operation, sent again on every change.</summary>
internal sealed record SolveVertex
{
    [JsonPropertyName("digest")]
    public string? Digest { get; init; }

    [JsonPropertyName("inputs")]
    public IReadOnlyList<string>? Inputs { get; init; }

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
