namespace StageGate.Gates;

/// <summary>The image that ships, as measured.</summary>
public sealed record FinalImageResult
{
    public required string Target { get; init; }
    public GateOutcome Outcome { get; init; }
    public string? ImageId { get; init; }
    public string? Digest { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public long? SizeBytes { get; init; }
    public IReadOnlyList<LayerResult> Layers { get; init; } = [];

    /// <summary>The stage the final image copies its artifacts from, and its size, for the savings line.</summary>
    public string? BuilderStage { get; init; }
    public long? BuilderSizeBytes { get; init; }
    public FailedStep? Failure { get; init; }
}
