namespace StageGate.Gates;

/// <summary>How one target of a run ended, and the step that failed it.</summary>
internal sealed record TargetOutcome(GateOutcome Outcome, TimeSpan Duration, FailedStep? Failure);
