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
