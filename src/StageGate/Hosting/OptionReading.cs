namespace StageGate.Hosting;

/// <summary>
/// How raw values from one source are read: where relative paths start, whether <c>;</c> splits lists (MSBuild),
/// whether a bare <c>NAME</c> reads the environment (the CLI, like buildx), and where an error points.
/// </summary>
internal sealed record OptionReading(string BaseFolder, Func<GateOption, string> NameOf)
{
    public bool SplitsOnSemicolons { get; init; }

    public bool BareNameReadsVariable { get; init; }

    /// <summary>The file an error about these values points at: the project file, stagegate.json.</summary>
    public string? File { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
