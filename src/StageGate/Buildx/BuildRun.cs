namespace StageGate.Buildx;

/// <summary>What one buildx invocation did: its exit code and every step it reported.</summary>
internal sealed record BuildRun(
    int ExitCode,
    IReadOnlyList<BuildStep> Steps,
    IReadOnlyList<string> TextLines,
    string? SolveError,
    TimeSpan Duration)
{
    /// <summary>The one target this run built (sequential runs); null for a bake of all targets.</summary>
    public string? ForTarget { get; init; }

    /// <summary>What buildx's metadata file says the run produced; the only evidence of an image this run built.</summary>
    public BuildMetadata Metadata { get; init; } = BuildMetadata.None;

    public bool Succeeded => ExitCode == 0;
}
