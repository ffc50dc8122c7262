using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.MSBuild;

/// <summary>An MSBuild item as plain values: its Include and the metadata the task reads.</summary>
internal sealed record ProjectItem(string Include, IReadOnlyDictionary<string, string> Metadata)
{
    public string? this[string name] => Metadata.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// What the project set, as plain values, so the mapping onto <see cref="GateOptions"/> is testable
/// without an MSBuild engine. Unset means empty; stagegate.json fills what is left unset.
/// </summary>
internal sealed record ProjectSettings
{
    public required string ProjectFile { get; init; }
    public required string Dockerfile { get; init; }
    public string? Context { get; init; }
    public IReadOnlyList<string> TestTargets { get; init; } = [];
    public string? FinalTarget { get; init; }
    public string? Image { get; init; }
    public string? SizeBudget { get; init; }
    public string? GrowthBudget { get; init; }
    public string? Baseline { get; init; }
    public string? ReportPath { get; init; }
    public string? Builder { get; init; }
    public string? Platform { get; init; }
    public bool Sequential { get; init; }
    public string? DockerPath { get; init; }
    public IReadOnlyList<ProjectItem> BuildArgs { get; init; } = [];
    public IReadOnlyList<ProjectItem> Secrets { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<ProjectItem> Labels { get; init; } = [];

    private string ProjectDirectory => Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;

    /// <summary>Maps onto the core's options; relative paths are relative to the project, as in MSBuild.</summary>
    /// <exception cref="StageGateException">An item the core cannot use, pointing at the project file.</exception>
    public GateOptions ToGateOptions() => new()
    {
        Dockerfile = FullPath(Dockerfile)!,
        Context = FullPath(Context),
        TestTargets = List(TestTargets),
        FinalTarget = Value(FinalTarget),
        Tags = List(Tags.Prepend(Image ?? "")).Distinct(StringComparer.Ordinal).ToList(),
        SizeBudget = Value(SizeBudget),
        GrowthBudget = Value(GrowthBudget),
        Baseline = FullPath(Baseline),
        ReportPath = FullPath(ReportPath),
        BuildArgs = Dictionary(BuildArgs, "StageGateBuildArg"),
        Secrets = Secrets.Select(ToSecret).ToList(),
        Labels = Dictionary(Labels, "StageGateLabel"),
        Builder = Value(Builder),
        Platforms = List((Platform ?? "").Split([',', ';'])),
        Sequential = Sequential,
        DockerPath = DockerExecutable(),
        UseConfigurationFile = true,
    };

    private static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> List(IEnumerable<string> values) =>
        values.Select(Value).OfType<string>().ToList();

    private string? FullPath(string? path) =>
        Value(path) is { } value ? Path.GetFullPath(Path.Combine(ProjectDirectory, value)) : null;

    // A bare name ("docker", "podman") is looked up on PATH; anything with a folder is a path.
    private string? DockerExecutable() =>
        Value(DockerPath) is { } value && value.IndexOfAny(['/', '\\']) < 0 ? value : FullPath(DockerPath);

    // Later items win, as later property assignments do in MSBuild.
    private Dictionary<string, string> Dictionary(IEnumerable<ProjectItem> items, string itemName)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = Value(item.Include) ?? throw Invalid($"A {itemName} item has an empty Include; write the name there.");
            result[name] = item["Value"] ?? "";
        }
        return result;
    }

    private BuildSecret ToSecret(ProjectItem item)
    {
        var id = Value(item.Include) ?? throw Invalid("A StageGateSecret item has an empty Include; write the secret's id there.");
        var (environment, file) = (Value(item["Env"]), Value(item["File"]));
        if ((environment is null) == (file is null))
        {
            throw Invalid($"StageGateSecret '{id}' needs exactly one of Env (an environment variable) or File (a path) metadata.");
        }
        return new BuildSecret(id, environment, file is null ? null : FullPath(file));
    }

    private StageGateException Invalid(string message) => Codes.InvalidOption.Exception(message, ProjectFile);
}
