using StageGate.Buildx;

namespace StageGate.Gates;

/// <summary>How one target of a run ended, and the step that failed it.</summary>
/// <param name="Outcome">Passed, failed, or not run.</param>
/// <param name="Duration">How long the target's own steps ran.</param>
/// <param name="Failure">The failing step: the target's own, or, with <see cref="NotRunCause.SharedStageFailed"/>, the shared stage's.</param>
internal sealed record TargetOutcome(GateOutcome Outcome, TimeSpan Duration, FailedStep? Failure)
{
    /// <summary>Why the target did not run; set whenever <see cref="Outcome"/> is <see cref="GateOutcome.NotRun"/>.</summary>
    public NotRunCause? NotRun { get; init; }

    /// <summary>The id of the image the target built, from buildx's metadata; null when it exported none or buildx gave none.</summary>
    public string? ImageId { get; init; }

    /// <summary>buildx's metadata for the image target, as it came: after a push, the digest of what was pushed.</summary>
    public BuildResult? Metadata { get; init; }
}
