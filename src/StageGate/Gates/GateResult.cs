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

/// <summary>A test stage that was built explicitly.</summary>
public sealed record TestStageResult(string Target, GateOutcome Outcome, TimeSpan Duration, FailedStep? Failure = null);

/// <summary>A build step that failed, mapped back to its Dockerfile instruction.</summary>
public sealed record FailedStep(
    string Target,
    string Stage,
    int Step,
    string Instruction,
    int? Line,
    string Error,
    IReadOnlyList<string> Output)
{
    /// <summary>The step as BuildKit counts it within its stage, e.g. <c>2/3</c>.</summary>
    public string StepText { get; init; } = Step.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The image that ships, as measured.</summary>
public sealed record FinalImageResult
{
    public required string Target { get; init; }
    public GateOutcome Outcome { get; init; }
    public string? ImageId { get; init; }
    public string? Digest { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public long? SizeBytes { get; init; }
    public IReadOnlyList<LayerResult> Layers { get; init; } = [];

    /// <summary>The stage the final image copies its artifacts from, and its size, for the savings line.</summary>
    public string? BuilderStage { get; init; }
    public long? BuilderSizeBytes { get; init; }
    public FailedStep? Failure { get; init; }
}

/// <summary>One layer of the final image, attributed to the Dockerfile instruction that made it.</summary>
public sealed record LayerResult(long SizeBytes, string CreatedBy, int? Line);

/// <summary>How long one build step took, and whether it came from the cache.</summary>
public sealed record StepTiming(string Target, string Step, bool Cached, TimeSpan Duration);
