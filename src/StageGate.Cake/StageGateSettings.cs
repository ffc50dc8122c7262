using Cake.Core.IO;
using StageGate.Gates;

namespace StageGate.Cake;

/// <summary>
/// What <c>StageGateCheck</c> gates and how, named after the <c>docker buildx</c> flags and the
/// <c>stagegate</c> CLI options. Anything left unset comes from <c>stagegate.json</c> beside the Dockerfile.
/// Relative paths resolve against the Cake working directory.
/// </summary>
public sealed class StageGateSettings
{
    /// <summary>The Dockerfile (<c>--file</c>); <c>Dockerfile</c> in the working directory when unset.</summary>
    public FilePath? Dockerfile { get; set; }

    /// <summary>The build context folder; the Dockerfile's folder when unset.</summary>
    public DirectoryPath? Context { get; set; }

    /// <summary>Test stages to build explicitly (<c>--test-target</c>); a stage named <c>test</c> when empty.</summary>
    public ICollection<string> TestTargets { get; set; } = new List<string>();

    /// <summary>The stage that ships (<c>--final-target</c>); the last stage when unset.</summary>
    public string? FinalTarget { get; set; }

    /// <summary>Tags for the final image (<c>--tag</c>).</summary>
    public ICollection<string> Tags { get; set; } = new List<string>();

    /// <summary>Absolute size budget of the final image (<c>--budget</c>), e.g. <c>150MB</c> or <c>120MiB</c>.</summary>
    public string? SizeBudget { get; set; }

    /// <summary>Allowed growth against <see cref="Baseline"/> (<c>--growth-budget</c>), e.g. <c>5%</c> or <c>10MB</c>.</summary>
    public string? GrowthBudget { get; set; }

    /// <summary>A JSON report written by an earlier run, for the growth budget (<c>--baseline</c>).</summary>
    public FilePath? Baseline { get; set; }

    /// <summary>Where to write this run's JSON report (<c>--report</c>), reusable as a later baseline.</summary>
    public FilePath? ReportPath { get; set; }

    /// <summary>Build arguments (<c>--build-arg NAME=value</c>).</summary>
    public IDictionary<string, string> BuildArgs { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Build secrets (<c>--secret id=…,env=…</c> or <c>id=…,src=…</c>); their values never appear in the log.</summary>
    public ICollection<BuildSecret> Secrets { get; set; } = new List<BuildSecret>();

    /// <summary>Labels for the final image (<c>--label NAME=value</c>).</summary>
    public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The buildx builder (<c>--builder</c>); the current one when unset.</summary>
    public string? Builder { get; set; }

    /// <summary>Target platforms (<c>--platform</c>), e.g. <c>linux/amd64</c>.</summary>
    public ICollection<string> Platforms { get; set; } = new List<string>();

    /// <summary>Run the test stages first and stop when they fail, instead of one parallel bake (<c>--sequential</c>).</summary>
    public bool Sequential { get; set; }

    /// <summary>Ignore <c>stagegate.json</c> beside the Dockerfile (<c>--no-config</c>).</summary>
    public bool NoConfig { get; set; }

    /// <summary>The docker executable; a bare name (<c>docker</c>) is looked up on PATH.</summary>
    public FilePath? DockerPath { get; set; }

    /// <summary>
    /// Return a failing result instead of failing the Cake task, so the script can inspect it.
    /// Input errors found before docker runs (an unknown stage, a malformed budget) still fail the task.
    /// </summary>
    public bool ReturnResultOnFailure { get; set; }

    /// <summary>The one place Cake settings become the core's options.</summary>
    internal GateOptions ToGateOptions(DirectoryPath workingDirectory) => new()
    {
        Dockerfile = Absolute(Dockerfile ?? new FilePath("Dockerfile"), workingDirectory),
        Context = Context?.MakeAbsolute(workingDirectory).FullPath,
        TestTargets = Values(TestTargets),
        FinalTarget = Blank(FinalTarget),
        Tags = Values(Tags),
        SizeBudget = Blank(SizeBudget),
        GrowthBudget = Blank(GrowthBudget),
        Baseline = Baseline is null ? null : Absolute(Baseline, workingDirectory),
        ReportPath = ReportPath is null ? null : Absolute(ReportPath, workingDirectory),
        BuildArgs = new Dictionary<string, string>(BuildArgs, StringComparer.Ordinal),
        Secrets = [.. Secrets.Select(s => s.File is null ? s : s with { File = Absolute(new FilePath(s.File), workingDirectory) })],
        Labels = new Dictionary<string, string>(Labels, StringComparer.Ordinal),
        Builder = Blank(Builder),
        Platforms = Values(Platforms),
        Sequential = Sequential,
        UseConfigurationFile = !NoConfig,
        DockerPath = DockerPath is null ? null : Executable(DockerPath, workingDirectory),
    };

    private static string Absolute(FilePath path, DirectoryPath workingDirectory) =>
        path.MakeAbsolute(workingDirectory).FullPath;

    // A bare program name stays a name so the core finds it on PATH, as a shell would.
    private static string Executable(FilePath path, DirectoryPath workingDirectory) =>
        path.FullPath.Contains('/', StringComparison.Ordinal) ? Absolute(path, workingDirectory) : path.FullPath;

    // Cake scripts often pass Argument("x", "") straight through; an empty value means "unset".
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string[] Values(IEnumerable<string> values) => [.. values.Where(v => !string.IsNullOrWhiteSpace(v))];
}
