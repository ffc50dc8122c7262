using Cake.Core.IO;
using StageGate.Gates;
using StageGate.Hosting;

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

    /// <summary>
    /// Compressed size budget of the final image per platform (<c>--compressed-budget</c>), e.g. <c>60MB</c>: read from
    /// the registry after the push or from the exported OCI layout, so it needs <see cref="Push"/> or <see cref="OciLayout"/>.
    /// </summary>
    public string? CompressedSizeBudget { get; set; }

    /// <summary>Allowed growth against <see cref="Baseline"/> (<c>--growth-budget</c>), e.g. <c>5%</c> or <c>10MB</c>.</summary>
    public string? GrowthBudget { get; set; }

    /// <summary>A JSON report written by an earlier run, for the growth budget (<c>--baseline</c>).</summary>
    public FilePath? Baseline { get; set; }

    /// <summary>Where to write this run's JSON report (<c>--report</c>), reusable as a later baseline.</summary>
    public FilePath? ReportPath { get; set; }

    /// <summary>Where to write a JUnit XML report of the gates (<c>--junit</c>).</summary>
    public FilePath? JUnitReport { get; set; }

    /// <summary>Where to write a Markdown summary of the gates (<c>--markdown</c>).</summary>
    public FilePath? MarkdownReport { get; set; }

    /// <summary>The absolute folder inside each test stage where the tests write results and an exit-code file (<c>--test-results</c>).</summary>
    public string? TestResults { get; set; }

    /// <summary>Where the test results land, one sub-folder per test stage (<c>--test-results-dir</c>); <c>stagegate-test-results</c> in the working directory when unset.</summary>
    public DirectoryPath? TestResultsDirectory { get; set; }

    /// <summary>Build arguments (<c>--build-arg NAME=value</c>).</summary>
    public IDictionary<string, string> BuildArgs { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Build secrets (<c>--secret id=…,env=…</c> or <c>id=…,src=…</c>); their values show as <c>***</c> wherever output is shown.</summary>
    public ICollection<BuildSecret> Secrets { get; set; } = new List<BuildSecret>();

    /// <summary>Labels for the final image (<c>--label NAME=value</c>).</summary>
    public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Lint rule levels, rule id to off, info, warning or error (<c>--lint RULE=LEVEL</c>); unset rules report as info.</summary>
    public IDictionary<string, string> Lint { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The buildx builder (<c>--builder</c>); the current one when unset.</summary>
    public string? Builder { get; set; }

    /// <summary>Target platforms (<c>--platform</c>), e.g. <c>linux/amd64</c>.</summary>
    public ICollection<string> Platforms { get; set; } = new List<string>();

    /// <summary>Run the test stages first and stop when they fail, instead of one parallel bake (<c>--sequential</c>).</summary>
    public bool Sequential { get; set; }

    /// <summary>Ignore <c>stagegate.json</c> beside the Dockerfile (<c>--no-config</c>).</summary>
    public bool NoConfig { get; set; }

    /// <summary>The docker executable (<c>--docker</c>); a bare name (<c>docker</c>) is looked up on PATH.</summary>
    public FilePath? DockerPath { get; set; }

    /// <summary>Cache sources for every stage (<c>--cache-from</c>), e.g. <c>type=registry,ref=registry.example/app:cache</c>.</summary>
    public ICollection<string> CacheFrom { get; set; } = new List<string>();

    /// <summary>Cache destinations for every stage (<c>--cache-to</c>), e.g. <c>type=inline</c>; the docker driver exports only <c>type=inline</c>.</summary>
    public ICollection<string> CacheTo { get; set; } = new List<string>();

    /// <summary>Build every stage without the build cache (<c>--no-cache</c>).</summary>
    public bool NoCache { get; set; }

    /// <summary>Stages to build without the build cache (<c>--no-cache-filter</c>); needs BuildKit 0.10 or later.</summary>
    public ICollection<string> NoCacheFilter { get; set; } = new List<string>();

    /// <summary>Always pull the base images (<c>--pull</c>).</summary>
    public bool Pull { get; set; }

    /// <summary>SSH agent sockets or keys for <c>RUN --mount=type=ssh</c> (<c>--ssh</c>): <c>default</c> or <c>ID=PATH[,PATH]</c>.</summary>
    public ICollection<string> Ssh { get; set; } = new List<string>();

    /// <summary>The network of <c>RUN</c> steps (<c>--network</c>): default, none or host; needs <see cref="Sequential"/>.</summary>
    public string? Network { get; set; }

    /// <summary>Host-to-IP mappings <c>HOST:IP</c> for <c>RUN</c> steps (<c>--add-host</c>); needs <see cref="Sequential"/>.</summary>
    public ICollection<string> AddHosts { get; set; } = new List<string>();

    /// <summary>Push the final image to its registry (<c>--push</c>); needs an explicit tag in <see cref="Tags"/>.</summary>
    public bool Push { get; set; }

    /// <summary>
    /// Export the final image as an OCI layout tar here instead of loading it (<c>--oci-layout</c>), and read its
    /// compressed size per platform from it; needs a builder that exports OCI, not the docker driver.
    /// </summary>
    public FilePath? OciLayout { get; set; }

    /// <summary>Registries (<c>host:port</c>) read over plain HTTP or unverified TLS when measuring the push (<c>--insecure-registry</c>).</summary>
    public ICollection<string> InsecureRegistries { get; set; } = new List<string>();

    /// <summary>The final image's provenance attestation (<c>--provenance</c>): true, false, mode=max.</summary>
    public string? Provenance { get; set; }

    /// <summary>The final image's SBOM attestation (<c>--sbom</c>): true, false, generator=IMAGE.</summary>
    public string? Sbom { get; set; }

    /// <summary>Attestations of the final image (<c>--attest</c>), e.g. <c>type=sbom</c>.</summary>
    public ICollection<string> Attestations { get; set; } = new List<string>();

    /// <summary>
    /// Return a failing result instead of failing the Cake task, so the script can inspect it.
    /// Input errors found before docker runs (an unknown stage, a malformed budget) still fail the task.
    /// </summary>
    public bool ReturnResultOnFailure { get; set; }

    /// <summary>
    /// The settings as raw option values, one line per setting; the core decides blank values, paths (against
    /// <paramref name="workingDirectory"/>) and what stagegate.json fills in.
    /// </summary>
    internal OptionValues ToValues(DirectoryPath workingDirectory) =>
        new OptionValues(FrontEnd.Cake, workingDirectory.FullPath)
            .Add(OptionTable.Dockerfile, Dockerfile?.FullPath)
            .Add(OptionTable.Context, Context?.FullPath)
            .Add(OptionTable.TestTargets, TestTargets)
            .Add(OptionTable.FinalTarget, FinalTarget)
            .Add(OptionTable.Tags, Tags)
            .Add(OptionTable.SizeBudget, SizeBudget)
            .Add(OptionTable.CompressedSizeBudget, CompressedSizeBudget)
            .Add(OptionTable.GrowthBudget, GrowthBudget)
            .Add(OptionTable.Baseline, Baseline?.FullPath)
            .Add(OptionTable.ReportPath, ReportPath?.FullPath)
            .Add(OptionTable.JUnitReport, JUnitReport?.FullPath)
            .Add(OptionTable.MarkdownReport, MarkdownReport?.FullPath)
            .Add(OptionTable.TestResults, TestResults)
            .Add(OptionTable.TestResultsDirectory, TestResultsDirectory?.FullPath)
            .AddItems(OptionTable.BuildArgs, BuildArgs.Select(p => (p.Key, Metadata("Value", p.Value))))
            .AddItems(OptionTable.Labels, Labels.Select(p => (p.Key, Metadata("Value", p.Value))))
            .AddItems(OptionTable.Lint, Lint.Select(p => (p.Key, Metadata("Value", p.Value))))
            .AddItems(OptionTable.Secrets, Secrets.Select(s => (s.Id, Metadata("Env", s.Environment, "File", s.File))))
            .Add(OptionTable.Builder, Builder)
            .Add(OptionTable.Platforms, Platforms)
            .Add(OptionTable.Sequential, Sequential)
            .Add(OptionTable.DockerPath, DockerPath?.FullPath)
            .Add(OptionTable.NoConfig, NoConfig)
            .Add(OptionTable.CacheFrom, CacheFrom)
            .Add(OptionTable.CacheTo, CacheTo)
            .Add(OptionTable.NoCache, NoCache)
            .Add(OptionTable.NoCacheFilter, NoCacheFilter)
            .Add(OptionTable.Pull, Pull)
            .Add(OptionTable.Ssh, Ssh)
            .Add(OptionTable.Network, Network)
            .Add(OptionTable.AddHosts, AddHosts)
            .Add(OptionTable.Push, Push)
            .Add(OptionTable.OciLayout, OciLayout?.FullPath)
            .Add(OptionTable.InsecureRegistries, InsecureRegistries)
            .Add(OptionTable.Provenance, Provenance)
            .Add(OptionTable.Sbom, Sbom)
            .Add(OptionTable.Attestations, Attestations);

    private static Dictionary<string, string> Metadata(params string?[] namesAndValues)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < namesAndValues.Length; i += 2)
        {
            if (namesAndValues[i + 1] is { } value)
            {
                metadata[namesAndValues[i]!] = value;
            }
        }
        return metadata;
    }
}
