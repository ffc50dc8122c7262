namespace StageGate.Gates;

/// <summary>The outcome of building one stage.</summary>
public sealed record StageBuildResult(string Target, GateOutcome Outcome, TimeSpan Duration)
{
    /// <summary>The step that failed the stage, mapped to its Dockerfile line.</summary>
    public FailedStep? Failure { get; init; }

    /// <summary>What the build found, each diagnostic once.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when the stage built.</summary>
    public bool Passed => Outcome == GateOutcome.Passed;
}
