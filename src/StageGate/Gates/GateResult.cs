using StageGate.Diagnostics;

namespace StageGate.Gates;

/// <summary>Everything a run found out: each gate's outcome, the final image, and the diagnostics.</summary>
public sealed record GateResult
{
    /// <summary>The Dockerfile that was gated, as a full path.</summary>
    public required string Dockerfile { get; init; }
    /// <summary>The build context folder, as a full path.</summary>
    public required string Context { get; init; }
    /// <summary>Each test stage that was built, in the order they were asked for.</summary>
    public IReadOnlyList<TestStageResult> TestStages { get; init; } = [];
    /// <summary>The final image; null when the run stopped before its stage was planned.</summary>
    public FinalImageResult? FinalImage { get; init; }
    /// <summary>The verdict of each size budget that was set.</summary>
    public IReadOnlyList<BudgetResult> Budgets { get; init; } = [];
    /// <summary>Everything the run has to tell, errors first to the user who reads them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    /// <summary>How long each build step took, for finding the slow ones.</summary>
    public IReadOnlyList<StepTiming> Steps { get; init; } = [];
    /// <summary>How long the whole run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Where the JSON report was written, when it was.</summary>
    public string? ReportPath { get; init; }

    /// <summary>True when no gate failed and nothing went wrong.</summary>
    public bool Passed => !Diagnostics.Any(d => d.IsError);
}
