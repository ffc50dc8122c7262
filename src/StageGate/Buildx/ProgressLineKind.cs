namespace StageGate.Buildx;

/// <summary>What a progress line reports, so a host can choose how loudly to log it.</summary>
internal enum ProgressLineKind
{
    /// <summary>A step began to run (not for cached or internal steps).</summary>
    StepStarted,

    /// <summary>A step is still running: a heartbeat, so a long step is never silent.</summary>
    StepRunning,

    StepCompleted,
    StepCached,
    StepFailed,
    StepCancelled,

    /// <summary>A line a step printed; verbose logs only.</summary>
    StepOutput,

    Warning,

    /// <summary>buildx text outside the JSON objects, e.g. <c>ERROR: failed to solve: …</c>.</summary>
    Text,
}
