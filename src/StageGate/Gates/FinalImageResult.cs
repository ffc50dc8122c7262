namespace StageGate.Gates;

/// <summary>The image that ships, as measured.</summary>
public sealed record FinalImageResult
{
    /// <summary>The final stage's name, or its image tag when it has none.</summary>
    public required string Target { get; init; }
    /// <summary>Whether the final stage built and was measured.</summary>
    public GateOutcome Outcome { get; init; }
    /// <summary>The image id (<c>sha256:…</c>) in the engine; null when not built or not measured.</summary>
    public string? ImageId { get; init; }
    /// <summary>The repository digest, when the image has one.</summary>
    public string? Digest { get; init; }
    /// <summary>The image's tags in the engine.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>The uncompressed image size in bytes, as the engine reports it; null when it could not be measured.</summary>
    public long? SizeBytes { get; init; }
    /// <summary>
    /// The compressed size in bytes read from the registry after a push: the one platform's, or the largest
    /// platform's of a multi-platform image (each is in <see cref="Platforms"/>); null when not pushed or not read.
    /// </summary>
    public long? CompressedSizeBytes { get; init; }
    /// <summary>Each platform of the pushed image with its compressed size, attestation manifests left out; empty when not pushed.</summary>
    public IReadOnlyList<PlatformSize> Platforms { get; init; } = [];
    /// <summary>The image's layers, base image first, each attributed to a Dockerfile line where possible.</summary>
    public IReadOnlyList<LayerResult> Layers { get; init; } = [];

    /// <summary>The stage the final image copies its artifacts from, and its size, for the savings line.</summary>
    public string? BuilderStage { get; init; }
    /// <summary>The size in bytes of <see cref="BuilderStage"/>'s image; null when not measured.</summary>
    public long? BuilderSizeBytes { get; init; }
    /// <summary>The step that failed, when the final stage failed to build.</summary>
    public FailedStep? Failure { get; init; }
    /// <summary>Why the final stage was not built, when <see cref="Outcome"/> is <see cref="GateOutcome.NotRun"/>.</summary>
    public string? NotRunReason { get; init; }
}
