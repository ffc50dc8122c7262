using StageGate.Dockerfiles;

namespace StageGate.Gates;

/// <summary>One buildx target of a run: which stage, why, and where its result goes.</summary>
internal sealed record BuildTarget(Stage Stage, TargetRole Role, string BakeName, string? Tag)
{
    /// <summary>
    /// The name passed as <c>--target</c>; null for the last stage, which is the default. buildx cannot target
    /// an unnamed stage by index, so any other unnamed stage is an input error.
    /// </summary>
    public string? TargetName { get; init; } = Stage.Name;

    /// <summary>
    /// Test stages only need their steps to run; images that are measured are loaded into the engine, the builder
    /// without a tag (the engine names it by its id).
    /// </summary>
    public TargetOutput Output => Role == TargetRole.Builder ? TargetOutput.Image
        : Role == TargetRole.Test || Tag is null ? TargetOutput.CacheOnly : TargetOutput.Image;

    /// <summary><see cref="Output"/> as the value of buildx's <c>--output</c>.</summary>
    public string OutputArgument => Output == TargetOutput.CacheOnly ? "type=cacheonly" : "type=docker";
}
