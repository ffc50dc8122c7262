using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tests.Hosting;

public sealed class MissingDockerTests : IDisposable
{
    private static readonly Diagnostic NoDaemon = Codes.DaemonNotAnswering.Create("The Docker daemon at unix:///var/run/docker.sock does not answer.");

    private static readonly Func<string, string?> Developer = _ => null;

    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-missing-docker-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GateOptions Options(FrontEnd frontEnd, bool requireDocker = false) =>
        new GateOptions(frontEnd).With(OptionTable.RequireDocker, requireDocker);

    [Theory]
    [InlineData("SG2001")]
    [InlineData("SG2002")]
    [InlineData("SG2003")]
    public void Dotnet_build_on_a_developer_machine_without_an_engine_warns_that_the_gates_did_not_run(string code)
    {
        var error = new Diagnostic(DiagnosticSeverity.Error, code, "docker is missing.");

        var warning = MissingDocker.AsWarning(error, Options(FrontEnd.MSBuild), Developer);

        Assert.NotNull(warning);
        Assert.Equal(Codes.GatesNotRunWithoutDocker.Code, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains($"The gates did not run, so the image was not gated: no Docker engine ({code}: docker is missing).", warning.Message, StringComparison.Ordinal);
        Assert.Contains("set StageGateRequireDocker=true to require Docker, or StageGateEnabled=false to turn the gates off", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("CI", "1")]
    [InlineData("TF_BUILD", "True")]
    [InlineData("GITHUB_ACTIONS", "true")]
    [InlineData("JENKINS_URL", "https://jenkins.example/")]
    [InlineData("TEAMCITY_VERSION", "2024.12")]
    [InlineData("GITLAB_CI", "true")]
    [InlineData("BUILDKITE", "true")]
    [InlineData("CIRCLECI", "true")]
    [InlineData("TRAVIS", "true")]
    [InlineData("BITBUCKET_BUILD_NUMBER", "42")]
    [InlineData("CODEBUILD_BUILD_ID", "project:1234")]
    public void In_CI_a_missing_engine_stays_an_error(string variable, string value)
    {
        Func<string, string?> ci = name => name == variable ? value : null;

        Assert.Null(MissingDocker.AsWarning(NoDaemon, Options(FrontEnd.MSBuild), ci));
    }

    [Theory]
    [InlineData("JENKINS_URL", "https://jenkins.example/")]
    [InlineData("TEAMCITY_VERSION", "2024.12")]
    [InlineData("GITLAB_CI", "true")]
    public void A_CI_job_building_in_an_SDK_image_without_a_socket_fails_rather_than_skip_the_gates_quietly(string variable, string value)
    {
        Func<string, string?> sdkImageInCi = name => name == variable ? value : name == "DOTNET_RUNNING_IN_CONTAINER" ? "true" : null;

        Assert.Null(MissingDocker.AsWarning(NoDaemon, Options(FrontEnd.MSBuild), sdkImageInCi));
        Assert.False(MissingDocker.ProbeFirst(Options(FrontEnd.MSBuild), sdkImageInCi));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData(" ")]
    public void CI_set_to_false_0_or_blank_is_not_CI(string value)
    {
        Func<string, string?> environment = name => name == "CI" ? value : null;

        Assert.NotNull(MissingDocker.AsWarning(NoDaemon, Options(FrontEnd.MSBuild), environment));
    }

    [Fact]
    public void A_project_that_requires_Docker_keeps_the_error_outside_CI()
    {
        Assert.Null(MissingDocker.AsWarning(NoDaemon, Options(FrontEnd.MSBuild, requireDocker: true), Developer));
    }

    [Theory]
    [InlineData(nameof(FrontEnd.Cake))]
    [InlineData(nameof(FrontEnd.Cli))]
    public void Cake_and_the_CLI_ask_for_the_gates_by_name_and_keep_the_error(string frontEnd)
    {
        Assert.Null(MissingDocker.AsWarning(NoDaemon, Options(Enum.Parse<FrontEnd>(frontEnd)), Developer));
    }

    [Fact]
    public void Other_environment_errors_are_not_excused()
    {
        var noBuilder = Codes.BuilderNotAnswering.Create("buildx builder 'ci' is not available.");

        Assert.Null(MissingDocker.AsWarning(noBuilder, Options(FrontEnd.MSBuild), Developer));
    }

    [Fact]
    public async Task A_hosted_dotnet_build_without_docker_exits_0_says_not_run_and_never_passes()
    {
        File.WriteAllText(Path.Combine(_folder, "Dockerfile"), "FROM busybox AS test\nRUN true\nFROM scratch\n");
        var values = new OptionValues(FrontEnd.MSBuild, _folder) { Environment = Developer }
            .Add(OptionTable.DockerPath, "stagegate-no-such-docker");
        var host = new ListHost();

        var run = await HostedGate.CheckAsync(values, host);

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.False(run.Passed);
        Assert.False(run.Quiet);
        Assert.Null(run.Result);
        Assert.Equal("StageGate: not run, no Docker engine", run.Summary);
        Assert.Equal([Codes.GatesNotRunWithoutDocker.Code], host.Logged.Select(d => d.Code));
    }

    [Fact]
    public void Inside_a_container_without_an_engine_dotnet_build_only_notes_that_the_image_is_gated_where_it_is_built()
    {
        Func<string, string?> container = name => name == "DOTNET_RUNNING_IN_CONTAINER" ? "true" : null;

        var note = MissingDocker.AsWarning(NoDaemon, Options(FrontEnd.MSBuild), container);

        Assert.NotNull(note);
        Assert.Equal(Codes.GatesNotRunWithoutDocker.Code, note.Code);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Contains("inside this container (DOTNET_RUNNING_IN_CONTAINER=true)", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_a_container_in_CI_a_missing_engine_stays_an_error()
    {
        Func<string, string?> containerInCi = name => name is "DOTNET_RUNNING_IN_CONTAINER" or "CI" ? "true" : null;

        Assert.Null(MissingDocker.AsWarning(NoDaemon, Options(FrontEnd.MSBuild), containerInCi));
    }

    [Fact]
    public async Task A_Dockerfile_own_dotnet_build_without_docker_or_the_Dockerfile_is_quiet_and_never_passes()
    {
        // The Dockerfile names a folder the image's COPY steps never brought in, as StageGateDockerfile=../../Dockerfile does.
        var values = new OptionValues(FrontEnd.MSBuild, _folder) { Environment = name => name == "DOTNET_RUNNING_IN_CONTAINER" ? "true" : null }
            .Add(OptionTable.Dockerfile, "../../Dockerfile")
            .Add(OptionTable.DockerPath, "stagegate-no-such-docker");
        var host = new ListHost();

        var run = await HostedGate.CheckAsync(values, host);

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.False(run.Passed);
        Assert.True(run.Quiet);
        Assert.Equal("StageGate: not run inside a container, no Docker engine", run.Summary);
        Assert.Equal([DiagnosticSeverity.Info], host.Logged.Select(d => d.Severity));
    }

    [Fact]
    public async Task A_hosted_dotnet_build_without_docker_in_CI_fails_with_SG2001()
    {
        File.WriteAllText(Path.Combine(_folder, "Dockerfile"), "FROM busybox AS test\nRUN true\nFROM scratch\n");
        var values = new OptionValues(FrontEnd.MSBuild, _folder) { Environment = name => name == "CI" ? "true" : null }
            .Add(OptionTable.DockerPath, "stagegate-no-such-docker");
        var host = new ListHost();

        var run = await HostedGate.CheckAsync(values, host);

        Assert.Equal(ExitCodes.InputOrEnvironmentError, run.ExitCode);
        Assert.Equal([Codes.DockerNotFound.Code], host.Logged.Select(d => d.Code));
    }

    private sealed class ListHost : IGateHost
    {
        public List<Diagnostic> Logged { get; } = [];

        public void Log(Diagnostic diagnostic) => Logged.Add(diagnostic);

        public void Progress(GateProgress progress)
        {
            // Progress is not what these tests are about.
        }
    }
}
