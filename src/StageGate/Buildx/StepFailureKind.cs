namespace StageGate.Buildx;

/// <summary>Whose fault a failed step is: the stage's (a gate's verdict) or the machine's (no verdict at all).</summary>
internal enum StepFailureKind
{
    /// <summary>A command of the stage ran and failed (it exited with a non-zero code): the stage failed.</summary>
    Command,

    /// <summary>The stage's own instruction could not be carried out (a COPY whose source is missing): the stage failed.</summary>
    Instruction,

    /// <summary>
    /// Something outside the Dockerfile broke: a base image that cannot be resolved or pulled, the daemon's
    /// connection lost, BuildKit's message-size limit, a full disk. No test ran to a verdict.
    /// </summary>
    Environment,
}
