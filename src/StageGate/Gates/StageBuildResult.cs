namespace StageGate.Gates;

/// <summary>The outcome of building one stage.</summary>
public sealed record StageBuildResult(string Target, GateOutcome Outcome, TimeSpan Duration)
{
    public FailedStep? Failure { get; init; }
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];
    public bool Passed => Outcome == GateOutcome.Passed;
}
