namespace StageGate.Configuration;

/// <summary>
/// What a <c>stagegate.json</c> says; a member is null where the file is silent. Relative paths are
/// already resolved against the file's folder.
/// </summary>
internal sealed record ConfigurationFile(string Path)
{
    public IReadOnlyList<string>? TestTargets { get; init; }
    public string? FinalTarget { get; init; }
    public string? SizeBudget { get; init; }
    public string? GrowthBudget { get; init; }
    public string? Baseline { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyDictionary<string, string>? BuildArgs { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public IReadOnlyList<string>? Platforms { get; init; }
    public string? Builder { get; init; }
    public bool? Sequential { get; init; }
    public string? Context { get; init; }
}
