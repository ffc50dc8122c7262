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
    /// <summary>SG1001 (error): Dockerfile not found.</summary>
    public static readonly DiagnosticCode DockerfileNotFound = new("SG1001", DiagnosticSeverity.Error,
        "Dockerfile not found", "Check the path, or set the Dockerfile option (`--file`, `StageGateDockerfile`).");
    /// <summary>SG1002 (error): Dockerfile cannot be read.</summary>
    public static readonly DiagnosticCode DockerfileUnreadable = new("SG1002", DiagnosticSeverity.Error,
        "Dockerfile cannot be read", "Check the file's permissions and that it is a text file.");
    /// <summary>SG1003 (error): Dockerfile has no FROM.</summary>
    public static readonly DiagnosticCode DockerfileHasNoStages = new("SG1003", DiagnosticSeverity.Error,
        "Dockerfile has no FROM", "A Dockerfile needs at least one FROM instruction; only ARG and parser directives may come before it.");
    /// <summary>SG1004 (error): Dockerfile syntax error.</summary>
    public static readonly DiagnosticCode DockerfileSyntax = new("SG1004", DiagnosticSeverity.Error,
        "Dockerfile syntax error", "Fix the line named in the message; `docker buildx build --check` reports the same problem.");
    /// <summary>SG1005 (error): Invalid stage name.</summary>
    public static readonly DiagnosticCode InvalidStageName = new("SG1005", DiagnosticSeverity.Error,
        "Invalid stage name", "Stage names start with a letter and contain only letters, digits, '-', '_' and '.'.");
    /// <summary>SG1006 (error): Duplicate stage name.</summary>
    public static readonly DiagnosticCode DuplicateStageName = new("SG1006", DiagnosticSeverity.Error,
        "Duplicate stage name", "Give every stage (FROM … AS name) a unique name.");
    /// <summary>SG1007 (error): Stages depend on each other in a cycle.</summary>
    public static readonly DiagnosticCode StageCycle = new("SG1007", DiagnosticSeverity.Error,
        "Stages depend on each other in a cycle", "Break the cycle: a stage can only copy from or build on stages it does not itself feed.");
    /// <summary>SG1008 (error): Target stage not found.</summary>
    public static readonly DiagnosticCode UnknownTarget = new("SG1008", DiagnosticSeverity.Error,
        "Target stage not found", "Use one of the stage names listed in the message, or add the stage to the Dockerfile.");
    /// <summary>SG1009 (error): Invalid stage reference.</summary>
    public static readonly DiagnosticCode InvalidStageReference = new("SG1009", DiagnosticSeverity.Error,
        "Invalid stage reference", "Reference only earlier stages, by their exact lower-case name or index, without variables in COPY --from or RUN --mount=from.");
    /// <summary>SG1010 (error): Malformed .dockerignore pattern.</summary>
    public static readonly DiagnosticCode InvalidIgnorePattern = new("SG1010", DiagnosticSeverity.Error,
        "Malformed .dockerignore pattern", "Fix the pattern on the line named in the message (an unclosed `[`, a trailing `\\`); when the message says the file cannot be read, check its permissions.")
    {
        Explanation = "BuildKit reads .dockerignore when a built stage copies or bind-mounts from the build context, and then refuses the whole build. "
            + "Every front end reports the pattern at its line before docker runs in exactly that case; when no built stage reads the context, buildx and StageGate both go on.",
    };
    /// <summary>SG1011 (error): Build context not found.</summary>
    public static readonly DiagnosticCode ContextNotFound = new("SG1011", DiagnosticSeverity.Error,
        "Build context not found", "Point the context option (`--context`, `StageGateContext`) at an existing folder.");
    /// <summary>SG1012 (error): Invalid size.</summary>
    public static readonly DiagnosticCode InvalidSize = new("SG1012", DiagnosticSeverity.Error,
        "Invalid size", "Write a size as a number and a unit: B, kB, MB, GB (decimal, as docker prints them) or KiB, MiB, GiB.");
    /// <summary>SG1013 (error): Invalid growth budget.</summary>
    public static readonly DiagnosticCode InvalidGrowthBudget = new("SG1013", DiagnosticSeverity.Error,
        "Invalid growth budget", "Write a growth budget as a percentage (5%) or a size (10MB), and give a baseline report.");
    /// <summary>SG1014 (error): Baseline report cannot be read.</summary>
    public static readonly DiagnosticCode BaselineUnreadable = new("SG1014", DiagnosticSeverity.Error,
        "Baseline report cannot be read", "Point the baseline at a report written by an earlier run (`--report`, `StageGateReportPath`).");
    /// <summary>SG1015 (error): Invalid stagegate.json.</summary>
    public static readonly DiagnosticCode InvalidConfiguration = new("SG1015", DiagnosticSeverity.Error,
        "Invalid stagegate.json", "Fix stagegate.json at the place named in the message. Every StageGate package ships its JSON schema as `schemas/stagegate.schema.json`; point `$schema` at it for completion in editors.");
    /// <summary>SG1016 (error): Invalid option.</summary>
    public static readonly DiagnosticCode InvalidOption = new("SG1016", DiagnosticSeverity.Error,
        "Invalid option", "Fix the option named in the message; the README lists every option and its form.");

    // SG2xxx — environment
    /// <summary>SG2001 (error): docker not found.</summary>
    public static readonly DiagnosticCode DockerNotFound = new("SG2001", DiagnosticSeverity.Error,
        "docker not found", "Install the Docker CLI, put it on PATH, or set the docker path (`StageGateDockerPath`, `DockerPath`).");
    /// <summary>SG2002 (error): docker buildx not available.</summary>
    public static readonly DiagnosticCode BuildxNotFound = new("SG2002", DiagnosticSeverity.Error,
        "docker buildx not available", "Install the buildx plugin (Debian: docker-buildx; or ~/.docker/cli-plugins/docker-buildx).");
    /// <summary>SG2003 (error): Docker daemon not answering.</summary>
    public static readonly DiagnosticCode DaemonNotAnswering = new("SG2003", DiagnosticSeverity.Error,
        "Docker daemon not answering", "Start the Docker daemon, or point DOCKER_HOST / the docker context at one that runs.");
    /// <summary>SG2004 (error): buildx builder not available.</summary>
    public static readonly DiagnosticCode BuilderNotAnswering = new("SG2004", DiagnosticSeverity.Error,
        "buildx builder not available", "Check `docker buildx ls`; create the builder or choose another with the builder option.");
    /// <summary>SG2005 (error): Docker Engine API request failed.</summary>
    public static readonly DiagnosticCode EngineRequestFailed = new("SG2005", DiagnosticSeverity.Error,
        "Docker Engine API request failed", "See the message for the daemon's answer; check the daemon's log.");
    /// <summary>SG2006 (error): docker buildx failed before any step ran.</summary>
    public static readonly DiagnosticCode BuildFailed = new("SG2006", DiagnosticSeverity.Error,
        "docker buildx failed before any step ran", "Read the buildx output in the message; it usually names a missing base image or a bad flag.");
    /// <summary>SG2007 (error): Cancelled.</summary>
    public static readonly DiagnosticCode Cancelled = new("SG2007", DiagnosticSeverity.Error,
        "Cancelled", "The run was cancelled; buildx was stopped. Run again to gate the image.");
    /// <summary>SG2008 (warning): MSBuild runtime not supported.</summary>
    public static readonly DiagnosticCode MSBuildRuntimeNotSupported = new("SG2008", DiagnosticSeverity.Warning,
        "MSBuild runtime not supported", "Build with the .NET 8 SDK or later (`dotnet build`), or in Visual Studio, whose MSBuild runs the .NET Framework task.")
    {
        Explanation = "The `StageGate.MSBuild` .NET task needs the .NET MSBuild of the .NET 8 SDK (MSBuild 17.8) or later, and an older .NET MSBuild cannot load it, "
            + "so the build goes on without gating the image and says so with this warning. Visual Studio's MSBuild, on .NET Framework, gets a task that runs the packed `stagegate` CLI instead.",
    };
    /// <summary>SG2009 (error): Report cannot be written.</summary>
    public static readonly DiagnosticCode ReportNotWritten = new("SG2009", DiagnosticSeverity.Error,
        "Report cannot be written", "Point the report option (`--report`, `--junit`, `--markdown`, `StageGateReportPath`, `ReportPath`) at a folder you can write to.")
    {
        Explanation = "The JSON report, or a JUnit or Markdown report, could not be written: its folder cannot be created or the file is not writable.",
    };
    /// <summary>SG2010 (error): Unexpected failure.</summary>
    public static readonly DiagnosticCode Unexpected = new("SG2010", DiagnosticSeverity.Error,
        "Unexpected failure", "Report it with the message. The `stagegate` CLI prints the full trace when run with `STAGEGATE_DEBUG=1`.")
    {
        Explanation = "Something StageGate did not foresee went wrong (the message names it): a bug, or a failure of the machine such as a full disk.",
    };
    /// <summary>SG2011 (error): Temporary file cannot be written.</summary>
    public static readonly DiagnosticCode TemporaryFileNotWritten = new("SG2011", DiagnosticSeverity.Error,
        "Temporary file cannot be written", "Free space in the temp folder, or point `TMPDIR` (`TEMP` on Windows) at a folder with room that you can write to.")
    {
        Explanation = "StageGate writes a bake definition for buildx to the temp folder, and `stagegate msbuild` its result for Visual Studio's task; "
            + "each is written whole or not at all and removed after the run. A result that cannot be written fails the build, and the next build runs the gates again.",
    };
    /// <summary>SG2012 (error): docker buildx produced no result.</summary>
    public static readonly DiagnosticCode NoBuildResult = new("SG2012", DiagnosticSeverity.Error,
        "docker buildx produced no result", "Check that the docker path names Docker's CLI with the buildx plugin, and run the build it shows by hand.")
    {
        Explanation = "A stage passes only on evidence: BuildKit's progress for the steps of a test stage, and the id of the image buildx built "
            + "(from its `--metadata-file`) for an image that is measured. buildx exited 0 without it, so nothing was tested or measured; "
            + "an image from an earlier run is never measured in its place.",
    };
    /// <summary>SG2013 (error): docker buildx failed during the build.</summary>
    public static readonly DiagnosticCode BuildInterrupted = new("SG2013", DiagnosticSeverity.Error,
        "docker buildx failed during the build", "Read buildx's words in the message: the daemon stopped or restarted, its connection was lost, or a BuildKit limit (such as its message size) was hit. Fix the machine and run again.")
    {
        Explanation = "The build stopped for a reason outside the Dockerfile after stages had started. No stage failed on its own account, "
            + "so no test is reported as failed and the exit code is 2, not 1.",
    };
    /// <summary>SG2014 (warning): Gates did not run: no Docker engine.</summary>
    public static readonly DiagnosticCode GatesNotRunWithoutDocker = new("SG2014", DiagnosticSeverity.Warning,
        "Gates did not run: no Docker engine", "Start Docker (the message says what is missing) to gate the image; set `StageGateRequireDocker=true` to make this an error, or `StageGateEnabled=false` to turn the gates off.")
    {
        Explanation = "`dotnet build` runs the gates in every build. On a machine without a Docker engine (docker not found, no buildx, "
            + "or a daemon that does not answer: SG2001, SG2002, SG2003, found before any build) and outside CI, the build goes on "
            + "and says with this warning that the image was not gated; the summary line says 'not run', never 'passed'. In CI "
            + "(`CI` set, or a CI system's own variable such as `TF_BUILD`, `GITHUB_ACTIONS`, `GITLAB_CI`, `JENKINS_URL`, `TEAMCITY_VERSION`, `BUILDKITE`, `CIRCLECI`, `TRAVIS`, `BITBUCKET_BUILD_NUMBER` or `CODEBUILD_BUILD_ID`) or with `StageGateRequireDocker=true` it is that SG2001–SG2003 error instead. "
            + "The package keeps this warning out of warnings-as-errors, so a project built with `-warnaserror` or "
            + "`TreatWarningsAsErrors` still builds. Inside a container (`DOTNET_RUNNING_IN_CONTAINER=true`, as the .NET SDK images set it), "
            + "which is a Dockerfile's own `dotnet build` when there is no engine, it is a note instead, and the summary line is logged at normal "
            + "importance (shown by `-v:n`, not by the minimal log): the image is gated where it is built. Cake and the `stagegate` CLI, where the gates are asked for by name, always fail with the error.",
    };
    /// <summary>SG2015 (error): The builder cannot honour an option.</summary>
    public static readonly DiagnosticCode BuilderCannotHonour = new("SG2015", DiagnosticSeverity.Error,
        "The builder cannot honour an option", "Drop the option the message names, or choose a builder that has it (`--builder`, `StageGateBuilder`, `Builder`), such as a docker-container builder.")
    {
        Explanation = "Before any build, StageGate asks `docker buildx inspect` for the builder's driver and BuildKit version and checks the options against them, "
            + "instead of letting buildx drop an option or fail halfway. The docker driver exports only `type=inline` cache, attaches no provenance, SBOM or other "
            + "attestation (`--provenance=false` and `--sbom=false` stay allowed), builds one platform at a time and exports no OCI layout; `--no-cache-filter` needs BuildKit 0.10 or later, and the docker driver's BuildKit is the daemon's.",
    };
    /// <summary>SG2016 (error): A compressed size budget has nothing to read the size from.</summary>
    public static readonly DiagnosticCode CompressedBudgetUnmeasurable = new("SG2016", DiagnosticSeverity.Error,
        "A compressed size budget has nothing to read the size from", "Push the final image (`--push`, `StageGatePush`) so its manifest can be read from the registry, or export it as an OCI layout (`--oci-layout`, `StageGateOciLayout`) on a builder that exports OCI, or drop the compressed budget.")
    {
        Explanation = "The compressed size is what a registry stores and a pull downloads: the sizes in the image's manifest. An image loaded into the local engine "
            + "has no manifest of its own, so StageGate reads the compressed size from the registry after the push, or from the exported OCI layout, per platform. Without either there is "
            + "nothing to read it from, and a budget that can never be checked is refused before anything is built.",
    };
    /// <summary>SG2017 (error): Registry unreachable.</summary>
    public static readonly DiagnosticCode RegistryUnreachable = new("SG2017", DiagnosticSeverity.Error,
        "Registry unreachable", "Check the registry's address in the tag, that it runs, and that this machine reaches it (proxy, firewall, DNS); then run again.")
    {
        Explanation = "The registry the final image was pushed to did not answer, answered with a server error, or broke off while StageGate read the image's manifest. "
            + "The compressed size is then unknown: a compressed budget is not checked and the run fails (exit code 2), never \"over budget\" and never passed. "
            + "Without a compressed budget it is a warning.",
    };
    /// <summary>SG2018 (error): Registry denied access.</summary>
    public static readonly DiagnosticCode RegistryAuthDenied = new("SG2018", DiagnosticSeverity.Error,
        "Registry denied access", "Log in as docker does (`docker login <registry>`; in CI the registry's login action), so the docker config holds credentials that may pull the image.")
    {
        Explanation = "StageGate reads the credentials docker stored: a credential helper (`credHelpers`, `credsStore`, run as `docker-credential-<name> get`), "
            + "or the config's `auths` (a base64 `auth` or an `identitytoken`), from `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`. It answers the "
            + "registry's challenge with them: Basic, or a Bearer token from the registry's token service (GHCR, ACR, Docker Hub). With none, it reads anonymously.",
    };
    /// <summary>SG2019 (error): Manifest not found.</summary>
    public static readonly DiagnosticCode ManifestNotFound = new("SG2019", DiagnosticSeverity.Error,
        "Manifest not found", "Check that the tag names the repository the image was pushed to, and that nothing deleted it since the push.");
    /// <summary>SG2020 (error): Manifest cannot be measured.</summary>
    public static readonly DiagnosticCode ManifestMalformed = new("SG2020", DiagnosticSeverity.Error,
        "Manifest cannot be measured", "Check the registry (the message says what was wrong with its answer); push the image again with a current docker buildx.")
    {
        Explanation = "StageGate reads OCI image indexes and manifests and Docker manifest lists and v2 schema 2 manifests, at most 4 MiB each (containerd's cap). "
            + "An answer that is not JSON, lacks a size, is of another kind (schema 1), or does not hash to the digest it was asked for is refused rather than guessed at.",
    };
    /// <summary>SG2021 (error): TLS with the registry failed.</summary>
    public static readonly DiagnosticCode RegistryTlsFailed = new("SG2021", DiagnosticSeverity.Error,
        "TLS with the registry failed", "Trust the registry's CA as docker does (`/etc/docker/certs.d/<host:port>/ca.crt`), or, for a test registry only, list it with the insecure registry option (`--insecure-registry`, `StageGateInsecureRegistries`).")
    {
        Explanation = "Registries are read over verified HTTPS: the system's roots plus the CAs in docker's `certs.d/<host:port>/` folder, with a client certificate "
            + "from a `*.cert` and `*.key` pair there. Plain HTTP or unchecked TLS is used only for registries listed as insecure, and, like docker, for "
            + "registries on the loopback network (127.0.0.0/8, ::1, localhost).",
    };
    /// <summary>SG2022 (error): Registry credentials cannot be read.</summary>
    public static readonly DiagnosticCode RegistryCredentialsUnreadable = new("SG2022", DiagnosticSeverity.Error,
        "Registry credentials cannot be read", "Fix the docker config the message names (`docker login` rewrites it), or install the credential helper it names.");
    /// <summary>SG2023 (error): Invalid image reference.</summary>
    public static readonly DiagnosticCode InvalidImageReference = new("SG2023", DiagnosticSeverity.Error,
        "Invalid image reference", "Write an image reference as docker does: [registry[:port]/]repository[:tag][@sha256:digest], in lower case.");
    /// <summary>SG2024 (error): OCI layout cannot be read.</summary>
    public static readonly DiagnosticCode OciLayoutUnreadable = new("SG2024", DiagnosticSeverity.Error,
        "OCI layout cannot be read", "Check that the builder exported the final image to the OCI layout path (`--oci-layout`, `StageGateOciLayout`), that the disk had room, and build again.")
    {
        Explanation = "With the OCI layout option the final image is exported by buildx's `--output type=oci,dest=…` instead of being loaded, and its compressed "
            + "size per platform is read from the layout's `index.json` and manifests. A missing file, a broken tar or a blob the index names but the layout lacks "
            + "leaves the size unknown: a compressed budget is then not checked, never passed.",
    };
    /// <summary>SG2040 (warning): No .NET to run the StageGate CLI.</summary>
    public static readonly DiagnosticCode NoDotnetForTool = new("SG2040", DiagnosticSeverity.Warning,
        "No .NET to run the StageGate CLI", "Install the .NET 8 (or later) runtime or SDK, or put its `dotnet` on PATH or in `DOTNET_ROOT`.")
    {
        Explanation = "In Visual Studio's MSBuild (.NET Framework), StageGate runs its CLI, a .NET 8 program the package carries, with `dotnet`: the one in "
            + "`DOTNET_HOST_PATH`, then `DOTNET_ROOT`, then `PATH`. When there is none, the build goes on without gating the image and says so with this warning; "
            + "in CI or with `StageGateRequireDocker=true` it is an error, as a missing Docker engine is (SG2014).",
    };
    /// <summary>SG2041 (error): The StageGate CLI gave no result.</summary>
    public static readonly DiagnosticCode ToolGaveNoResult = new("SG2041", DiagnosticSeverity.Error,
        "The StageGate CLI gave no result", "Read the CLI's last lines in the message; reinstall StageGate.MSBuild, and check that `dotnet` runs .NET 8 or later.")
    {
        Explanation = "Visual Studio's task runs `dotnet tools/net8.0/StageGate.Tool.dll msbuild` and reads its JSON result. The CLI ended without writing one: "
            + "it could not start (no .NET 8 runtime, a damaged package) or it crashed; the message keeps the runtime's `Unhandled exception` line. "
            + "It is also the error when the CLI exits with a failing code but its result names no error: the build fails rather than pass ungated.",
    };
    /// <summary>SG2042 (error): The StageGate CLI wrote a newer result.</summary>
    public static readonly DiagnosticCode ToolResultTooNew = new("SG2042", DiagnosticSeverity.Error,
        "The StageGate CLI wrote a newer result", "Reinstall StageGate.MSBuild: its task and its CLI come from different versions.")
    {
        Explanation = "Visual Studio's task reads the JSON result of the CLI the package carries, and refuses a `schemaVersion` newer than the one it knows "
            + "rather than misread it, which could pass a build whose gates failed. The stamp of the incremental skip is removed, so the next build runs the gates.",
    };

    // SG3xxx — test and build stages
    /// <summary>SG3001 (error): A test stage step failed.</summary>
    public static readonly DiagnosticCode TestStepFailed = new("SG3001", DiagnosticSeverity.Error,
        "A test stage step failed", "Fix the failing tests; the message shows the step's last output lines.");
    /// <summary>SG3002 (info): The final stage does not depend on the test stage.</summary>
    public static readonly DiagnosticCode TestStageSkippedByBuildKit = new("SG3002", DiagnosticSeverity.Info,
        "The final stage does not depend on the test stage", "Make the final stage COPY from the test stage if plain builds must run it too.")
    {
        Explanation = "BuildKit skips the test stage in a plain `docker build`; StageGate builds it explicitly. This is info, not a warning: "
            + "it is the usual layout, where the final stage copies from a builder, and not worth failing a `-warnaserror` build over.",
    };
    /// <summary>SG3003 (warning): No test stage.</summary>
    public static readonly DiagnosticCode NoTestStage = new("SG3003", DiagnosticSeverity.Warning,
        "No test stage", "Name a stage `test`, or list the test targets (`--test-target`, `StageGateTestTargets`, `testTargets` in stagegate.json).");
    /// <summary>SG3004 (error): A final stage step failed.</summary>
    public static readonly DiagnosticCode FinalStepFailed = new("SG3004", DiagnosticSeverity.Error,
        "A final stage step failed", "Fix the failing step; the message shows its last output lines.");
    /// <summary>SG3005 (error): A build stage shared by the test and final stages failed.</summary>
    public static readonly DiagnosticCode SharedStageFailed = new("SG3005", DiagnosticSeverity.Error,
        "A build stage shared by the test and final stages failed", "Fix the failing step; the message shows its last output lines.")
    {
        Explanation = "A stage that both a test stage and the final stage build on (usually `builder`) failed. It is reported once, as that stage's "
            + "failure; the test and final stages did not run.",
    };
    /// <summary>SG3006 (error): A test stage's tests failed, by the exit code or results they recorded.</summary>
    public static readonly DiagnosticCode TestsFailed = new("SG3006", DiagnosticSeverity.Error,
        "A test stage's tests failed", "Fix the failing tests; each one is reported on its own (SG3007) and the message shows the test step's last output lines.")
    {
        Explanation = "With the test results option set, the test step records its exit code in an `exit-code` file instead of failing, so its results "
            + "leave the container. A non-zero exit code fails the gate; without the file, any failed test in the TRX or JUnit files does.",
    };
    /// <summary>SG3007 (error): A test failed.</summary>
    public static readonly DiagnosticCode TestFailed = new("SG3007", DiagnosticSeverity.Error,
        "A test failed", "Fix the test at the file and line named; when its stack trace names no file copied from the build context, the message points at the test stage.")
    {
        Explanation = "One diagnostic per failing test in the stage's TRX or JUnit files, with its name and message. A path in the stack trace is mapped "
            + "back to the build context through the stage's WORKDIR, COPY and ADD instructions. A warning when the exit-code file says the tests passed.",
    };
    /// <summary>SG3008 (error): No test results came out of a test stage.</summary>
    public static readonly DiagnosticCode TestResultsMissing = new("SG3008", DiagnosticSeverity.Error,
        "No test results came out of a test stage", "Make the test step write an `exit-code` file or a TRX or JUnit file into the test results folder (see the README's pattern).")
    {
        Explanation = "The test results option is set, but the stage's folder held neither an `exit-code` file nor a readable result file. "
            + "A test step that records its exit code instead of failing would otherwise pass on no evidence, so the gate fails.",
    };
    /// <summary>SG3009 (warning): A test result file cannot be read.</summary>
    public static readonly DiagnosticCode TestResultsUnreadable = new("SG3009", DiagnosticSeverity.Warning,
        "A test result file cannot be read", "Check the file named: it must be TRX or JUnit XML, without a DTD, under 32 MiB; the `exit-code` file holds one whole number.")
    {
        Explanation = "A warning when other evidence decides the gate (an `exit-code` file or another result file); an error that fails the gate when it was the only evidence.",
    };

    // SG4xxx — size budgets
    /// <summary>SG4001 (error): Final image over its size budget.</summary>
    public static readonly DiagnosticCode OverBudget = new("SG4001", DiagnosticSeverity.Error,
        "Final image over its size budget", "Shrink the image (the largest layers are listed), or raise the size budget deliberately.");
    /// <summary>SG4002 (error): Final image grew more than its growth budget.</summary>
    public static readonly DiagnosticCode OverGrowthBudget = new("SG4002", DiagnosticSeverity.Error,
        "Final image grew more than its growth budget", "Find what the new layers add, or accept the growth by raising the growth budget or refreshing the baseline.");
    /// <summary>SG4003 (warning): Could not measure the final image.</summary>
    public static readonly DiagnosticCode CouldNotMeasure = new("SG4003", DiagnosticSeverity.Warning,
        "Could not measure the final image", "The image was built but its size could not be read; see the message. This is not reported as over budget.")
    {
        Explanation = "A warning when no budget is set. With a size, compressed size or growth budget it is an error (exit code 2) unless another error already says why: a budget that cannot be checked is not a pass.",
    };
    /// <summary>SG4005 (warning): The baseline has no size for a platform.</summary>
    public static readonly DiagnosticCode BaselineLacksPlatform = new("SG4005", DiagnosticSeverity.Warning,
        "The baseline has no size for a platform", "Refresh the baseline with the report of a run that measured this platform; until then its growth is not checked.")
    {
        Explanation = "A growth budget compares each platform with the same platform in the baseline, in the metric of the budget beside it (compressed when a "
            + "compressed budget is set). A platform the baseline does not list, next to platforms it does, has nothing to grow from. A baseline with no compressed size at all (written before StageGate recorded them, or by a run that did not push) is SG1014.",
    };
    /// <summary>SG4006 (info): The uncompressed size was not measured.</summary>
    public static readonly DiagnosticCode UncompressedNotMeasured = new("SG4006", DiagnosticSeverity.Info,
        "The uncompressed size was not measured", "Nothing to do unless you set an uncompressed size budget: the compressed size was read from the registry. To measure both, use a builder that loads the image into the engine (the docker driver).")
    {
        Explanation = "A builder other than the docker driver pushes the image without loading it into the local engine, and a multi-platform image cannot be loaded "
            + "at all. StageGate never measures a local image by its tag in its place: a stale image of the same name would give a wrong size.",
    };
    /// <summary>SG4010 (info): Visual Studio's container fast mode runs no test stage.</summary>
    public static readonly DiagnosticCode ContainerFastMode = new("SG4010", DiagnosticSeverity.Info,
        "Visual Studio's container fast mode runs no test stage", "Nothing to fix: StageGate still gates the whole Dockerfile after each build. To run and debug the gated image, set `ContainerDevelopmentMode` to `Regular`.")
    {
        Explanation = "In the Debug configuration, Visual Studio's container tools (`ContainerDevelopmentMode` `Fast`, their default there) build only the Dockerfile's first "
            + "stage (or `DockerfileFastModeStage`) for the container they run and mount the build output into it, so the test and final stages never run on F5. "
            + "StageGate's gates run after the build, as in any build; in Visual Studio this message says once per build that the container you debug is not the image they gated.",
    };

    // SG5xxx — lint: rules on the Dockerfile, run before docker starts
    /// <summary>SG5001 (warning): A --from names no stage but looks like a mistyped one.</summary>
    public static readonly DiagnosticCode MistypedStageName = new("SG5001", DiagnosticSeverity.Warning,
        "--from names an image that looks like a mistyped stage name", "Fix the stage name at the line (the message suggests the nearest one); to mean the image, write it with its tag (`name:latest`).")
    {
        Explanation = "BuildKit takes a `COPY --from` or `RUN --mount=from=` value that is no stage name as an image, so a typo fails later as a pull of that image. "
            + "Names with a tag, digest, registry or path (`:`, `@`, `.`, `/`) and stage numbers are never reported.",
    };
    // The multi-stage pitfalls: info in check, MSBuild and Cake unless configured (`lint` in stagegate.json);
    // `stagegate lint` reports them as warnings. docs/lint.md lists them with BuildKit's build checks.
    /// <summary>SG5010 (info): Base image not pinned.</summary>
    public static readonly DiagnosticCode UnpinnedBaseImage = new("SG5010", DiagnosticSeverity.Info,
        "Base image not pinned", "Name a version tag (`node:22-slim`, not `node` or `node:latest`); for the final stage a digest (`image:tag@sha256:…`) pins it fully.")
    {
        Explanation = "A base image without a tag, or with `latest`, changes whenever the image is pushed again: the same Dockerfile builds something else tomorrow, and a cached build hides it. "
            + "A FROM that names an earlier stage, also through an ARG, is not a base image and is never reported.",
    };
    /// <summary>SG5011 (info): Final stage's base image pinned by tag only.</summary>
    public static readonly DiagnosticCode FinalBaseWithoutDigest = new("SG5011", DiagnosticSeverity.Info,
        "Final stage's base image pinned by tag only", "Consider pinning the final stage's base by digest (`image:tag@sha256:…`), kept current by Renovate or Dependabot.")
    {
        Explanation = "A tag can be pushed again; a digest cannot. This is a suggestion and never required: images seeded offline or built locally have no registry digest to pin.",
    };
    /// <summary>SG5012 (info): Final stage runs as root.</summary>
    public static readonly DiagnosticCode FinalStageRunsAsRoot = new("SG5012", DiagnosticSeverity.Info,
        "Final stage runs as root", "Add `USER` with a non-root user (`USER 10001`, `USER app`) to the final stage, after the steps that need root.")
    {
        Explanation = "Only the stage that ships is checked: builder and test stages run during the build and may need root. A USER set in a stage the final stage builds on counts, "
            + "and so does a base image whose tag says it is non-root (`nonroot`, `chiseled`, `rootless`).",
    };
    /// <summary>SG5013 (info): Build toolchain in the final stage.</summary>
    public static readonly DiagnosticCode ToolchainInFinalStage = new("SG5013", DiagnosticSeverity.Info,
        "Build toolchain in the final stage", "Build in an earlier stage and COPY --from it only the output; base the final stage on a runtime image (`dotnet/aspnet`, not `dotnet/sdk`); clear package caches in the same RUN (`rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `pip install --no-cache-dir`).")
    {
        Explanation = "Reported for the stage that ships (and the stages it builds on): an SDK image as its base, a RUN that installs a compiler, or a package manager's cache left in a layer. "
            + "The same steps in a builder stage are the point of a multi-stage build and are never reported.",
    };
    /// <summary>SG5014 (info): Final stage copies the whole build context.</summary>
    public static readonly DiagnosticCode FinalStageCopiesContext = new("SG5014", DiagnosticSeverity.Info,
        "Final stage copies the whole build context", "Copy only what runs: the build output from a builder stage (`COPY --from=build /app/out /app`) or the files the runtime needs, by name.")
    {
        Explanation = "`COPY . .` in the stage that ships puts sources, tests, `.git` and whatever else the context holds into the image. A builder stage copying the context is fine.",
    };
    /// <summary>SG5015 (info): Dependencies installed after the whole context is copied.</summary>
    public static readonly DiagnosticCode DependencyInstallAfterCopyAll = new("SG5015", DiagnosticSeverity.Info,
        "Dependencies installed after the whole context is copied", "Copy the dependency manifests first (`package.json` and its lock file, `*.csproj`, `go.mod` and `go.sum`, `requirements.txt`), install, then `COPY . .`.")
    {
        Explanation = "Once the whole context is copied, any source change invalidates the cache of every later step, so `npm ci`, `dotnet restore` or `pip install -r` download everything again on each build.",
    };
    /// <summary>SG5016 (info): Large build context without a .dockerignore that excludes .git, bin/, obj/, node_modules.</summary>
    public static readonly DiagnosticCode DockerIgnoreIncomplete = new("SG5016", DiagnosticSeverity.Info,
        "Large build context without a .dockerignore that excludes .git, bin/, obj/, node_modules", "Add a `.dockerignore` (beside the Dockerfile as `<Dockerfile>.dockerignore`, or at the context root) listing `.git`, `**/bin`, `**/obj` and `**/node_modules`; `stagegate context` shows what is sent.")
    {
        Explanation = "Reported when the context sends more than 10 MB or 1,000 files and there is no ignore file, or the ignore file lets `.git`, `bin/`, `obj/` or `node_modules` through. "
            + "Every build uploads the whole context to the builder before the first step runs.",
    };

    /// <summary>Every code, in order.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } = typeof(Codes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticCode))
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .OrderBy(c => c.Code, StringComparer.Ordinal)
        .ToList();
}
