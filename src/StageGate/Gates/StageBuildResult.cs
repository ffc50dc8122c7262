namespace StageGate.Gates;

/// <summary>The outcome of building one stage.</summary>
public sealed record StageBuildResult(string Target, GateOutcome Outcome, TimeSpan Duration)
{
    /// <summary>The step that failed, when the stage failed.</summary>
    public FailedStep? Failure { get; init; }
    /// <summary>What the build of the stage has to tell.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];
    /// <summary>True when the stage built.</summary>
    public bool Passed => Outcome == GateOutcome.Passed;
}
