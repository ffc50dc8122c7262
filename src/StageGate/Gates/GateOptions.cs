namespace StageGate.Gates;

/// <summary>
/// What to gate and how. Every front end (MSBuild properties, Cake settings, CLI flags) maps onto this
/// one record; <c>stagegate.json</c> beside the Dockerfile fills whatever is left unset here.
/// </summary>
internal sealed record GateOptions
{
    /// <summary>Path of the Dockerfile.</summary>
    public required string Dockerfile { get; init; }

    /// <summary>Build context folder; the Dockerfile's folder when unset.</summary>
    public string? Context { get; init; }

    /// <summary>Test stages to build explicitly; empty means a stage named <c>test</c> when there is one.</summary>
    public IReadOnlyList<string> TestTargets { get; init; } = [];

    /// <summary>The stage that ships; the last stage when unset.</summary>
    public string? FinalTarget { get; init; }

    /// <summary>Tags for the final image; StageGate adds one of its own when none is given.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Absolute size budget of the final image, e.g. <c>150MB</c>.</summary>
    public string? SizeBudget { get; init; }

    /// <summary>Allowed growth against <see cref="Baseline"/>, e.g. <c>5%</c> or <c>10MB</c>.</summary>
    public string? GrowthBudget { get; init; }

    /// <summary>A report written by an earlier run, for the growth budget.</summary>
    public string? Baseline { get; init; }

    /// <summary>Where to write this run's JSON report (reusable as a later baseline).</summary>
    public string? ReportPath { get; init; }

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<BuildSecret> Secrets { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The buildx builder to use; the current one when unset.</summary>
    public string? Builder { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary>Run the test stages first and stop when they fail, instead of one parallel bake.</summary>
    public bool Sequential { get; init; }

    /// <summary>The docker executable; found on PATH when unset.</summary>
    public string? DockerPath { get; init; }

    /// <summary>Read <c>stagegate.json</c> beside the Dockerfile for what these options leave unset.</summary>
    public bool UseConfigurationFile { get; init; } = true;
}
