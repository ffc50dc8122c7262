using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Testing;

/// <summary>
/// A run's options written as a record, for tests: converts to the core's options through the same resolver a
/// front end uses (the CLI's rules, stagegate.json beside the Dockerfile unless <see cref="UseConfigurationFile"/> is off).
/// </summary>
internal sealed record TestOptions
{
    public required string Dockerfile { get; init; }
    public string? Context { get; init; }
    public IReadOnlyList<string> TestTargets { get; init; } = [];
    public string? FinalTarget { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? SizeBudget { get; init; }
    public string? GrowthBudget { get; init; }
    public string? Baseline { get; init; }
    public string? ReportPath { get; init; }
    public string? TestResults { get; init; }
    public string? TestResultsDirectory { get; init; }
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<BuildSecret> Secrets { get; init; } = [];
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Lint { get; init; } = new Dictionary<string, string>();
    public string? Builder { get; init; }
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public bool Sequential { get; init; }
    public string? DockerPath { get; init; }
    public bool UseConfigurationFile { get; init; } = true;

    public OptionValues ToValues() =>
        new OptionValues(FrontEnd.Cli, Environment.CurrentDirectory)
            .Add(OptionTable.Dockerfile, Dockerfile)
            .Add(OptionTable.Context, Context)
            .Add(OptionTable.TestTargets, TestTargets)
            .Add(OptionTable.FinalTarget, FinalTarget)
            .Add(OptionTable.Tags, Tags)
            .Add(OptionTable.SizeBudget, SizeBudget)
            .Add(OptionTable.GrowthBudget, GrowthBudget)
            .Add(OptionTable.Baseline, Baseline)
            .Add(OptionTable.ReportPath, ReportPath)
            .Add(OptionTable.TestResults, TestResults)
            .Add(OptionTable.TestResultsDirectory, TestResultsDirectory)
            .AddItems(OptionTable.BuildArgs, BuildArgs.Select(p => (p.Key, new Dictionary<string, string> { ["Value"] = p.Value })))
            .AddItems(OptionTable.Labels, Labels.Select(p => (p.Key, new Dictionary<string, string> { ["Value"] = p.Value })))
            .AddItems(OptionTable.Lint, Lint.Select(p => (p.Key, new Dictionary<string, string> { ["Value"] = p.Value })))
            .AddItems(OptionTable.Secrets, Secrets.Select(s => (s.Id, Metadata(s))))
            .Add(OptionTable.Builder, Builder)
            .Add(OptionTable.Platforms, Platforms)
            .Add(OptionTable.Sequential, Sequential)
            .Add(OptionTable.DockerPath, DockerPath)
            .Add(OptionTable.NoConfig, !UseConfigurationFile);

    public static implicit operator GateOptions(TestOptions options) => OptionResolver.Resolve(options.ToValues());

    private static Dictionary<string, string> Metadata(BuildSecret secret)
    {
        var metadata = new Dictionary<string, string>();
        if (secret.Environment is not null)
        {
            metadata["Env"] = secret.Environment;
        }
        if (secret.File is not null)
        {
            metadata["File"] = secret.File;
        }
        return metadata;
    }
}
