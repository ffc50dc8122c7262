namespace StageGate.Gates;

/// <summary>Why a target has no outcome of its own; every target that did not run says which.</summary>
internal enum NotRunCause
{
    /// <summary>Sequential runs stop once a test stage fails; the later targets were never started.</summary>
    StoppedAfterTestFailure,

    /// <summary>In a bake another target's failing step stopped buildx before this target finished.</summary>
    OtherTargetFailed,

    /// <summary>A build stage this target shares with the other gates failed; it is reported once, as its own failure.</summary>
    SharedStageFailed,

    /// <summary>The environment failed (base image, daemon, BuildKit's limits): no verdict.</summary>
    EnvironmentFailed,

    /// <summary>buildx ended without the evidence of a result: no progress for the stage's steps, or no image id.</summary>
    NoResult,
}
