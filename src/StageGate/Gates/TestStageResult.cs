namespace StageGate.Gates;

/// <summary>A test stage that was built explicitly.</summary>
public sealed record TestStageResult(string Target, GateOutcome Outcome, TimeSpan Duration, FailedStep? Failure = null);
