namespace StageGate.Gates;

/// <summary>A test stage that was built explicitly.</summary>
public sealed record TestStageResult(string Target, GateOutcome Outcome, TimeSpan Duration, FailedStep? Failure = null)
{
    /// <summary>Why the stage did not run, when <see cref="Outcome"/> is <see cref="GateOutcome.NotRun"/>.</summary>
    public string? NotRunReason { get; init; }
}
