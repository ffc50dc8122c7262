using StageGate.Diagnostics;

namespace StageGate.Gates;

/// <summary>Everything a run found out: each gate's outcome, the final image, and the diagnostics.</summary>
public sealed record GateResult
{
    public required string Dockerfile { get; init; }
    public required string Context { get; init; }
    public IReadOnlyList<TestStageResult> TestStages { get; init; } = [];
    public FinalImageResult? FinalImage { get; init; }
    public IReadOnlyList<BudgetResult> Budgets { get; init; } = [];
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    public IReadOnlyList<StepTiming> Steps { get; init; } = [];
    public TimeSpan Duration { get; init; }

    /// <summary>Where the JSON report was written, when it was.</summary>
    public string? ReportPath { get; init; }

    /// <summary>True when no gate failed and nothing went wrong.</summary>
    public bool Passed => !Diagnostics.Any(d => d.IsError);
}
