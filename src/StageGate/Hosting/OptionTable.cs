using StageGate.Budgets;
using StageGate.Gates;

namespace StageGate.Hosting;

/// <summary>
/// Every option StageGate takes, once: its name in each front end and in stagegate.json, its shape, default and
/// help. A new option is one row here plus the code that reads it with <see cref="GateOptions.Get{T}"/>.
/// </summary>
internal static class OptionTable
{
    public static readonly GateOption<string?> Dockerfile = Path("Dockerfile", "The Dockerfile.") with
    {
        Default = "Dockerfile",
        DefaultText = "Dockerfile in the working folder (MSBuild: beside the project)",
        Cli = "--file",
        CliAlias = "-f",
        MSBuildProperty = "StageGateDockerfile",
    };

    public static readonly GateOption<string?> Context = Path("Context", "The build context folder.") with
    {
        DefaultText = "the Dockerfile's folder",
        Cli = "--context",
        MSBuildProperty = "StageGateContext",
        Json = "context",
    };

    public static readonly GateOption<IReadOnlyList<string>> TestTargets = List("TestTargets", "The test stages to build explicitly.") with
    {
        DefaultText = "the stage named 'test', when there is one",
        Cli = "--test-target",
        MSBuildProperty = "StageGateTestTargets",
        Json = "testTargets",
    };

    public static readonly GateOption<string?> FinalTarget = Text("FinalTarget", "The stage that ships.") with
    {
        DefaultText = "the last stage",
        Cli = "--final-target",
        MSBuildProperty = "StageGateFinalTarget",
        Json = "finalTarget",
    };

    public static readonly GateOption<IReadOnlyList<string>> Tags = List("Tags", "Tags for the final image.") with
    {
        DefaultText = "stagegate/<context>-<hash>:<stage>",
        Cli = "--tag",
        CliAlias = "-t",
        MSBuildProperty = "StageGateImage",
        MSBuildItem = "StageGateTag",
        Json = "tags",
    };

    public static readonly GateOption<string?> SizeBudget = Text("SizeBudget", "The final image's size budget, e.g. 150MB; units B, kB, MB, GB as docker prints them, or KiB, MiB, GiB.") with
    {
        Cli = "--budget",
        MSBuildProperty = "StageGateSizeBudget",
        Json = "sizeBudget",
        Validate = text => Budgets.SizeBudget.Parse(text),
    };

    public static readonly GateOption<string?> CompressedSizeBudget = Text("CompressedSizeBudget", "The final image's compressed size budget, per platform: what a registry stores and a pull downloads, read from the pushed manifest or the exported OCI layout. Needs Push or OciLayout. Units as for SizeBudget.") with
    {
        Cli = "--compressed-budget",
        MSBuildProperty = "StageGateCompressedSizeBudget",
        Json = "compressedSizeBudget",
        Validate = text => Budgets.SizeBudget.Parse(text),
    };

    public static readonly GateOption<string?> GrowthBudget = Text("GrowthBudget", "How much the final image may grow against the baseline, e.g. 5% or 10MB; per platform and compressed when CompressedSizeBudget is set, else uncompressed.") with
    {
        Cli = "--growth-budget",
        MSBuildProperty = "StageGateGrowthBudget",
        Json = "growthBudget",
        Validate = text => Budgets.GrowthBudget.Parse(text),
    };

    public static readonly GateOption<string?> Baseline = Path("Baseline", "The JSON report of an earlier run, for the growth budget.") with
    {
        Cli = "--baseline",
        MSBuildProperty = "StageGateBaseline",
        Json = "baseline",
    };

    public static readonly GateOption<string?> ReportPath = Path("ReportPath", "Where to write this run's JSON report (reusable as a later baseline).") with
    {
        DefaultText = "none (MSBuild: obj/stagegate/report.json)",
        Cli = "--report",
        MSBuildProperty = "StageGateReportPath",
        DecidesVerdict = false,
    };

    public static readonly GateOption<string?> JUnitReport = Path("JUnitReport", "Where to write a JUnit XML report of the gates.") with
    {
        Cli = "--junit",
        MSBuildProperty = "StageGateJUnitReport",
        DecidesVerdict = false,
    };

    public static readonly GateOption<string?> MarkdownReport = Path("MarkdownReport", "Where to write a Markdown summary of the gates.") with
    {
        Cli = "--markdown",
        MSBuildProperty = "StageGateMarkdownReport",
        DecidesVerdict = false,
    };

    public static readonly GateOption<string?> TestResults = Text("TestResults", "The absolute folder inside each test stage where the tests write their results (TRX, JUnit XML) and an exit-code file; StageGate copies it out and decides the test gate by it.") with
    {
        Cli = "--test-results",
        MSBuildProperty = "StageGateTestResults",
        Json = "testResults",
        Validate = text => StageGate.TestResults.ResultsExport.RequireExportable(text),
    };

    public static readonly GateOption<string?> TestResultsDirectory = Path("TestResultsDirectory", "Where the test results land on the host, one sub-folder per test stage (<dir>/<stage>/).") with
    {
        Default = "stagegate-test-results",
        DefaultText = "stagegate-test-results in the working folder (MSBuild: obj/stagegate/test-results/)",
        Cli = "--test-results-dir",
        MSBuildProperty = "StageGateTestResultsDirectory",
        Json = "testResultsDirectory",
        DecidesVerdict = false,
    };

    public static readonly GateOption<IReadOnlyDictionary<string, string>> BuildArgs = Pairs("BuildArgs", "A build argument NAME=VALUE; a bare NAME on the command line reads the variable NAME.") with
    {
        Cli = "--build-arg",
        MSBuildItem = "StageGateBuildArg",
        Json = "buildArgs",
    };

    public static readonly GateOption<IReadOnlyDictionary<string, string>> Labels = Pairs("Labels", "A label NAME=VALUE for the final image.") with
    {
        Cli = "--label",
        MSBuildItem = "StageGateLabel",
        Json = "labels",
    };

    public static readonly GateOption<IReadOnlyDictionary<string, string>> Lint = Pairs("Lint", "A lint rule's level, RULE=LEVEL: a rule id (SG5010, StageNameCasing) and off, info, warning or error. Unset rules report as info in check, MSBuild and Cake, at their own level in `stagegate lint`.") with
    {
        DefaultText = "every rule on; info in check, MSBuild and Cake",
        Cli = "--lint",
        MSBuildItem = "StageGateLint",
        Json = "lint",
    };

    public static readonly GateOption<IReadOnlyList<BuildSecret>> Secrets = new()
    {
        Name = "Secrets",
        Shape = OptionShape.Secrets,
        Help = "A build secret: id=NAME,env=VARIABLE or id=NAME,src=PATH (id=NAME alone reads the variable NAME). Its value is shown as *** wherever output is shown.",
        Default = [],
        Cli = "--secret",
        MSBuildItem = "StageGateSecret",
        Cake = "Secrets",
    };

    public static readonly GateOption<string?> Builder = Text("Builder", "The buildx builder.") with
    {
        DefaultText = "the current builder",
        Cli = "--builder",
        MSBuildProperty = "StageGateBuilder",
        Json = "builder",
    };

    public static readonly GateOption<IReadOnlyList<string>> Platforms = List("Platforms", "Target platforms, e.g. linux/amd64 (comma-separated or repeated).") with
    {
        Shape = OptionShape.CommaList,
        DefaultText = "the builder's platform",
        Cli = "--platform",
        MSBuildProperty = "StageGatePlatform",
        Json = "platforms",
    };

    public static readonly GateOption<bool> Sequential = Flag("Sequential", "Build the test stages first and stop when they fail, instead of one parallel bake.") with
    {
        Cli = "--sequential",
        MSBuildProperty = "StageGateSequential",
        Json = "sequential",
    };

    public static readonly GateOption<string?> DockerPath = new()
    {
        Name = "DockerPath",
        Shape = OptionShape.Program,
        Help = "The docker executable; a bare name is looked up on PATH.",
        Default = Engine.EndpointResolver.DefaultDocker,
        DefaultText = "docker",
        Cli = "--docker",
        MSBuildProperty = "StageGateDockerPath",
        Cake = "DockerPath",
        DecidesVerdict = false,
    };

    public static readonly GateOption<bool> RequireDocker = Flag("RequireDocker", "MSBuild only: fail the build when no Docker engine is found, also outside CI. Without it, a `dotnet build` on a machine without Docker warns (SG2014) that the gates did not run and goes on; in CI (CI, TF_BUILD or GITHUB_ACTIONS set) it always fails. Cake and the CLI always fail without Docker.") with
    {
        DefaultText = "false (an error in CI all the same)",
        MSBuildProperty = "StageGateRequireDocker",
        Cake = null,
        DecidesVerdict = false,
    };

    public static readonly GateOption<bool> NoConfig = Flag("NoConfig", "Ignore stagegate.json beside the Dockerfile.") with
    {
        Cli = "--no-config",
        MSBuildProperty = "StageGateNoConfig",
    };

    public static readonly GateOption<string> Ci = new()
    {
        Name = "Ci",
        Shape = OptionShape.Choice,
        Help = "Annotate for a CI system: auto (detected from the environment), github, azure or none.",
        Choices = ["auto", "github", "azure", "none"],
        Default = "auto",
        DefaultText = "auto",
        Cli = "--ci",
        DecidesVerdict = false,
    };

    // CI's buildx options. Values such as type=registry,ref=… or id=key,path carry ',' of their own, so the lists
    // split on ';' (MSBuild) or by repeating the flag, never on ','.
    public static readonly GateOption<IReadOnlyList<string>> CacheFrom = List("CacheFrom", "A cache source for every stage, as buildx takes it: type=registry,ref=…, type=local,src=…, type=gha.") with
    {
        Cli = "--cache-from",
        MSBuildProperty = "StageGateCacheFrom",
        Json = "cacheFrom",
    };

    public static readonly GateOption<IReadOnlyList<string>> CacheTo = List("CacheTo", "A cache destination for every stage: type=inline, type=registry,ref=…, type=local,dest=…, type=gha. The docker driver exports only type=inline.") with
    {
        Cli = "--cache-to",
        MSBuildProperty = "StageGateCacheTo",
        Json = "cacheTo",
    };

    public static readonly GateOption<bool> NoCache = Flag("NoCache", "Build every stage without the build cache.") with
    {
        Cli = "--no-cache",
        MSBuildProperty = "StageGateNoCache",
    };

    public static readonly GateOption<IReadOnlyList<string>> NoCacheFilter = List("NoCacheFilter", "A stage to build without the build cache (BuildKit 0.10 or later).") with
    {
        Cli = "--no-cache-filter",
        MSBuildProperty = "StageGateNoCacheFilter",
        Json = "noCacheFilter",
    };

    public static readonly GateOption<bool> Pull = Flag("Pull", "Always pull the base images, also those the engine has.") with
    {
        Cli = "--pull",
        MSBuildProperty = "StageGatePull",
    };

    public static readonly GateOption<IReadOnlyList<string>> Ssh = List("Ssh", "An SSH agent socket or keys for RUN --mount=type=ssh: default, or ID=PATH[,PATH].") with
    {
        Cli = "--ssh",
        MSBuildProperty = "StageGateSsh",
    };

    public static readonly GateOption<string?> Network = Text("Network", "The network of RUN steps: default, none or host. Needs the sequential mode: buildx 0.13's bake files have no such key.") with
    {
        DefaultText = "default",
        Cli = "--network",
        MSBuildProperty = "StageGateNetwork",
        Json = "network",
    };

    public static readonly GateOption<IReadOnlyList<string>> AddHosts = List("AddHosts", "A host-to-IP mapping HOST:IP for RUN steps. Needs the sequential mode: buildx 0.13's bake files have no such key.") with
    {
        Cli = "--add-host",
        MSBuildProperty = "StageGateAddHost",
        Json = "addHosts",
    };

    public static readonly GateOption<bool> Push = Flag("Push", "Push the final image to its registry. Needs an explicit tag; test stages are never pushed.") with
    {
        Cli = "--push",
        MSBuildProperty = "StageGatePush",
    };

    public static readonly GateOption<string?> OciLayout = Path("OciLayout", "Export the final image as an OCI layout tar at this path (buildx's --output type=oci,dest=…) instead of loading it, and read its compressed size per platform from the layout. Needs a builder whose driver exports OCI (docker-container, kubernetes, remote); not with Push.") with
    {
        Cli = "--oci-layout",
        MSBuildProperty = "StageGateOciLayout",
        Json = "ociLayout",
    };

    public static readonly GateOption<IReadOnlyList<string>> InsecureRegistries = List("InsecureRegistries", "A registry (host:port) to read over plain HTTP or unverified TLS when measuring the pushed image, like the daemon's insecure-registries. Loopback registries are read so without it, as docker does.") with
    {
        Cli = "--insecure-registry",
        MSBuildProperty = "StageGateInsecureRegistries",
        Json = "insecureRegistries",
    };

    public static readonly GateOption<string?> Provenance = Text("Provenance", "The final image's provenance attestation, as buildx's --provenance takes it: true, false, mode=max.") with
    {
        Cli = "--provenance",
        MSBuildProperty = "StageGateProvenance",
    };

    public static readonly GateOption<string?> Sbom = Text("Sbom", "The final image's SBOM attestation, as buildx's --sbom takes it: true, false, generator=IMAGE.") with
    {
        Cli = "--sbom",
        MSBuildProperty = "StageGateSbom",
    };

    public static readonly GateOption<IReadOnlyList<string>> Attestations = List("Attestations", "An attestation of the final image, as buildx's --attest takes it: type=sbom, type=provenance,mode=max.") with
    {
        Cli = "--attest",
        MSBuildProperty = "StageGateAttest",
    };

    /// <summary>Every row, in the order help and docs list them.</summary>
    public static IReadOnlyList<GateOption> All { get; } =
    [
        Dockerfile, Context, TestTargets, FinalTarget, Tags, SizeBudget, CompressedSizeBudget, GrowthBudget, Baseline, ReportPath,
        JUnitReport, MarkdownReport, TestResults, TestResultsDirectory, BuildArgs, Labels, Lint, Secrets, Builder, Platforms, Sequential, DockerPath, RequireDocker, NoConfig, Ci,
        CacheFrom, CacheTo, NoCache, NoCacheFilter, Pull, Ssh, Network, AddHosts, Push, OciLayout, InsecureRegistries, Provenance, Sbom, Attestations,
    ];

    /// <summary>The row whose stagegate.json key is <paramref name="key"/>, or null.</summary>
    public static GateOption? ForJson(string key) => All.FirstOrDefault(o => string.Equals(o.Json, key, StringComparison.Ordinal));

    // The Cake setting is named like the option unless a row says otherwise.
    private static GateOption<string?> Text(string name, string help) =>
        new() { Name = name, Shape = OptionShape.Text, Help = help, Default = null, Cake = name };

    private static GateOption<string?> Path(string name, string help) =>
        new() { Name = name, Shape = OptionShape.Path, Help = help, Default = null, Cake = name };

    private static GateOption<IReadOnlyList<string>> List(string name, string help) =>
        new() { Name = name, Shape = OptionShape.List, Help = help, Default = [], Cake = name };

    private static GateOption<IReadOnlyDictionary<string, string>> Pairs(string name, string help) =>
        new() { Name = name, Shape = OptionShape.Pairs, Help = help, Default = new Dictionary<string, string>(), Cake = name };

    private static GateOption<bool> Flag(string name, string help) =>
        new() { Name = name, Shape = OptionShape.Flag, Help = help, Default = false, DefaultText = "false", Cake = name };
}
