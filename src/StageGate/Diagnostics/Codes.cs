namespace StageGate.Diagnostics;

/// <summary>
/// Every diagnostic StageGate can report, in one place. Ranges: SG1xxx configuration and input,
/// SG2xxx environment, SG3xxx test and build stages, SG4xxx size budgets, SG5xxx lint.
/// This is the only place a code's title, severity, remedy and explanation are written:
/// docs/diagnostics.md is generated from it (<see cref="DiagnosticsDocument"/>), and a test fails when
/// the two differ.
/// </summary>
public static class Codes
{
    // SG1xxx — configuration and input
    public static readonly DiagnosticCode DockerfileNotFound = new("SG1001", DiagnosticSeverity.Error,
        "Dockerfile not found", "Check the path, or set the Dockerfile option (`--file`, `StageGateDockerfile`).");
    public static readonly DiagnosticCode DockerfileUnreadable = new("SG1002", DiagnosticSeverity.Error,
        "Dockerfile cannot be read", "Check the file's permissions and that it is a text file.");
    public static readonly DiagnosticCode DockerfileHasNoStages = new("SG1003", DiagnosticSeverity.Error,
        "Dockerfile has no FROM", "A Dockerfile needs at least one FROM instruction; only ARG and parser directives may come before it.");
    public static readonly DiagnosticCode DockerfileSyntax = new("SG1004", DiagnosticSeverity.Error,
        "Dockerfile syntax error", "Fix the line named in the message; `docker buildx build --check` reports the same problem.");
    public static readonly DiagnosticCode InvalidStageName = new("SG1005", DiagnosticSeverity.Error,
        "Invalid stage name", "Stage names start with a letter and contain only letters, digits, '-', '_' and '.'.");
    public static readonly DiagnosticCode DuplicateStageName = new("SG1006", DiagnosticSeverity.Error,
        "Duplicate stage name", "Give every stage (FROM … AS name) a unique name.");
    public static readonly DiagnosticCode StageCycle = new("SG1007", DiagnosticSeverity.Error,
        "Stages depend on each other in a cycle", "Break the cycle: a stage can only copy from or build on stages it does not itself feed.");
    public static readonly DiagnosticCode UnknownTarget = new("SG1008", DiagnosticSeverity.Error,
        "Target stage not found", "Use one of the stage names listed in the message, or add the stage to the Dockerfile.");
    public static readonly DiagnosticCode InvalidStageReference = new("SG1009", DiagnosticSeverity.Error,
        "Invalid stage reference", "Reference only earlier stages, by their exact lower-case name or index, without variables in COPY --from or RUN --mount=from.");
    public static readonly DiagnosticCode InvalidIgnorePattern = new("SG1010", DiagnosticSeverity.Error,
        "Malformed .dockerignore pattern", "Fix the pattern on the line named in the message (an unclosed `[`, a trailing `\\`); when the message says the file cannot be read, check its permissions.");
    public static readonly DiagnosticCode ContextNotFound = new("SG1011", DiagnosticSeverity.Error,
        "Build context not found", "Point the context option (`--context`, `StageGateContext`) at an existing folder.");
    public static readonly DiagnosticCode InvalidSize = new("SG1012", DiagnosticSeverity.Error,
        "Invalid size", "Write a size as a number and a unit: B, kB, MB, GB (decimal, as docker prints them) or KiB, MiB, GiB.");
    public static readonly DiagnosticCode InvalidGrowthBudget = new("SG1013", DiagnosticSeverity.Error,
        "Invalid growth budget", "Write a growth budget as a percentage (5%) or a size (10MB), and give a baseline report.");
    public static readonly DiagnosticCode BaselineUnreadable = new("SG1014", DiagnosticSeverity.Error,
        "Baseline report cannot be read", "Point the baseline at a report written by an earlier run (`--report`, `StageGateReportPath`).");
    public static readonly DiagnosticCode InvalidConfiguration = new("SG1015", DiagnosticSeverity.Error,
        "Invalid stagegate.json", "Fix stagegate.json at the place named in the message. Every StageGate package ships its JSON schema as `schemas/stagegate.schema.json`; point `$schema` at it for completion in editors.");
    public static readonly DiagnosticCode InvalidOption = new("SG1016", DiagnosticSeverity.Error,
        "Invalid option", "Fix the option named in the message; the README lists every option and its form.");

    // SG2xxx — environment
    public static readonly DiagnosticCode DockerNotFound = new("SG2001", DiagnosticSeverity.Error,
        "docker not found", "Install the Docker CLI, put it on PATH, or set the docker path (`StageGateDockerPath`, `DockerPath`).");
    public static readonly DiagnosticCode BuildxNotFound = new("SG2002", DiagnosticSeverity.Error,
        "docker buildx not available", "Install the buildx plugin (Debian: docker-buildx; or ~/.docker/cli-plugins/docker-buildx).");
    public static readonly DiagnosticCode DaemonNotAnswering = new("SG2003", DiagnosticSeverity.Error,
        "Docker daemon not answering", "Start the Docker daemon, or point DOCKER_HOST / the docker context at one that runs.");
    public static readonly DiagnosticCode BuilderNotAnswering = new("SG2004", DiagnosticSeverity.Error,
        "buildx builder not available", "Check `docker buildx ls`; create the builder or choose another with the builder option.");
    public static readonly DiagnosticCode EngineRequestFailed = new("SG2005", DiagnosticSeverity.Error,
        "Docker Engine API request failed", "See the message for the daemon's answer; check the daemon's log.");
    public static readonly DiagnosticCode BuildFailed = new("SG2006", DiagnosticSeverity.Error,
        "docker buildx failed before any step ran", "Read the buildx output in the message; it usually names a missing base image or a bad flag.");
    public static readonly DiagnosticCode Cancelled = new("SG2007", DiagnosticSeverity.Error,
        "Cancelled", "The run was cancelled; buildx was stopped. Run again to gate the image.");
    public static readonly DiagnosticCode MSBuildRuntimeNotSupported = new("SG2008", DiagnosticSeverity.Warning,
        "MSBuild runtime not supported", "Gate the image with `dotnet build` (for example `dotnet build -t:StageGate`), on the command line or in CI.")
    {
        Explanation = "The `StageGate.MSBuild` task is a .NET 8 assembly. Visual Studio's MSBuild (and `msbuild.exe`) runs on .NET Framework and cannot load it, "
            + "and neither can the MSBuild of an SDK older than .NET 8 (MSBuild 17.8), so the build goes on without gating the image and says so with this warning.",
    };
    public static readonly DiagnosticCode ReportNotWritten = new("SG2009", DiagnosticSeverity.Error,
        "Report cannot be written", "Point the report option (`--report`, `--junit`, `--markdown`, `StageGateReportPath`, `ReportPath`) at a folder you can write to.")
    {
        Explanation = "The JSON report, or a JUnit or Markdown report, could not be written: its folder cannot be created or the file is not writable.",
    };
    public static readonly DiagnosticCode Unexpected = new("SG2010", DiagnosticSeverity.Error,
        "Unexpected failure", "Report it with the message. The `stagegate` CLI prints the full trace when run with `STAGEGATE_DEBUG=1`.")
    {
        Explanation = "Something StageGate did not foresee went wrong (the message names it): a bug, or a failure of the machine such as a full disk.",
    };
    public static readonly DiagnosticCode TemporaryFileNotWritten = new("SG2011", DiagnosticSeverity.Error,
        "Temporary file cannot be written", "Free space in the temp folder, or point `TMPDIR` (`TEMP` on Windows) at a folder with room that you can write to.")
    {
        Explanation = "StageGate writes a bake definition for buildx to the temp folder; it is written whole or not at all and removed after the run.",
    };
    public static readonly DiagnosticCode GatesNotRunWithoutDocker = new("SG2014", DiagnosticSeverity.Warning,
        "Gates did not run: no Docker engine", "Start Docker (the message says what is missing) to gate the image; set `StageGateRequireDocker=true` to make this an error, or `StageGateEnabled=false` to turn the gates off.")
    {
        Explanation = "`dotnet build` runs the gates in every build. On a machine without a Docker engine (docker not found, no buildx, "
            + "or a daemon that does not answer: SG2001, SG2002, SG2003, found before any build) and outside CI, the build goes on "
            + "and says with this warning that the image was not gated; the summary line says 'not run', never 'passed'. In CI "
            + "(`CI`, `TF_BUILD` or `GITHUB_ACTIONS` set) or with `StageGateRequireDocker=true` it is that SG2001–SG2003 error instead. "
            + "The package keeps this warning out of warnings-as-errors, so a project built with `-warnaserror` or "
            + "`TreatWarningsAsErrors` still builds. Cake and the `stagegate` CLI, where the gates are asked for by name, always fail with the error.",
    };

    // SG3xxx — test and build stages
    public static readonly DiagnosticCode TestStepFailed = new("SG3001", DiagnosticSeverity.Error,
        "A test stage step failed", "Fix the failing tests; the message shows the step's last output lines.");
    public static readonly DiagnosticCode TestStageSkippedByBuildKit = new("SG3002", DiagnosticSeverity.Info,
        "The final stage does not depend on the test stage", "Make the final stage COPY from the test stage if plain builds must run it too.")
    {
        Explanation = "BuildKit skips the test stage in a plain `docker build`; StageGate builds it explicitly. This is info, not a warning: "
            + "it is the usual layout, where the final stage copies from a builder, and not worth failing a `-warnaserror` build over.",
    };
    public static readonly DiagnosticCode NoTestStage = new("SG3003", DiagnosticSeverity.Warning,
        "No test stage", "Name a stage `test`, or list the test targets (`--test-target`, `StageGateTestTargets`, `testTargets` in stagegate.json).");
    public static readonly DiagnosticCode FinalStepFailed = new("SG3004", DiagnosticSeverity.Error,
        "A final stage step failed", "Fix the failing step; the message shows its last output lines.");

    // SG4xxx — size budgets
    public static readonly DiagnosticCode OverBudget = new("SG4001", DiagnosticSeverity.Error,
        "Final image over its size budget", "Shrink the image (the largest layers are listed), or raise the size budget deliberately.");
    public static readonly DiagnosticCode OverGrowthBudget = new("SG4002", DiagnosticSeverity.Error,
        "Final image grew more than its growth budget", "Find what the new layers add, or accept the growth by raising the growth budget or refreshing the baseline.");
    public static readonly DiagnosticCode CouldNotMeasure = new("SG4003", DiagnosticSeverity.Warning,
        "Could not measure the final image", "The image was built but its size could not be read; see the message. This is not reported as over budget.");
    /// <summary>Every code, in order.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } = typeof(Codes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticCode))
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .OrderBy(c => c.Code, StringComparer.Ordinal)
        .ToList();
}
