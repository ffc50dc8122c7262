using StageGate.Engine;
using StageGate.Hosting;
using StageGate.IntegrationTests.Gates;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// A gate run against a build server's engine (tcp:// with TLS): the test stage runs there and the final image is
/// measured there, never on the local engine, however the engine is named (DOCKER_HOST and TLS variables, a
/// docker context by DOCKER_CONTEXT or `docker context use`, a configured docker executable); a remote engine that
/// dies or answers garbage is a coded environment error, never a pass.
/// </summary>
[Collection(RemoteFixtures.Name)]
public sealed class RemoteEngineGateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_check_with_DOCKER_HOST_and_TLS_variables_builds_and_measures_on_the_remote_engine_only()
    {
        if (!await RequireAsync())
        {
            return;
        }
        await using var engine = await StartEngineAsync();
        await using var sample = new GateSample(GateCheckTests.Passing);
        using var config = TempDockerConfig.Create();

        var run = await RemoteCheck.RunAsync(output, config.With(engine.Environment), sample.Dockerfile);

        Assert.Equal(0, run.Exit);
        await AssertBuiltAndMeasuredOnlyOnAsync(engine, sample, run);
    }

    [Theory]
    [InlineData("DOCKER_CONTEXT")]
    [InlineData("docker context use")]
    public async Task A_check_through_a_docker_context_with_TLS_builds_and_measures_on_the_remote_engine_only(string how)
    {
        if (!await RequireAsync())
        {
            return;
        }
        await using var engine = await StartEngineAsync();
        await using var sample = new GateSample(GateCheckTests.Passing);
        using var config = TempDockerConfig.Create();
        await engine.CreateContextAsync(config, "build-server", use: how == "docker context use");
        var environment = config.With(new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = null,
            ["DOCKER_TLS_VERIFY"] = null,
            ["DOCKER_CERT_PATH"] = null,
            ["DOCKER_CONTEXT"] = how == "DOCKER_CONTEXT" ? "build-server" : null,
        });

        var run = await RemoteCheck.RunAsync(output, environment, sample.Dockerfile);

        Assert.Equal(0, run.Exit);
        await AssertBuiltAndMeasuredOnlyOnAsync(engine, sample, run);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_hosted_gate_with_a_docker_executable_whose_context_is_remote_builds_and_measures_there()
    {
        if (!await RequireAsync())
        {
            return;
        }
        await using var engine = await StartEngineAsync();
        await using var sample = new GateSample(GateCheckTests.Passing);
        using var config = TempDockerConfig.Create();
        await engine.CreateContextAsync(config, "build-server", use: true);
        // A docker with a config of its own, as a CI image's wrapper has; the gate starts it as a program, without a shell.
        var docker = Path.Combine(config.Folder, "docker-build-server");
        await File.WriteAllTextAsync(docker, $"#!/bin/sh\nDOCKER_CONFIG='{config.Folder}' exec docker \"$@\"\n");
        File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var host = new RecordingHost(output);

        var run = await HostedGate.CheckAsync((sample.Options with { DockerPath = docker }).ToValues(), host);

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        var image = run.Result!.FinalImage!;
        await AssertBuiltAndMeasuredOnlyOnAsync(engine, sample, new RemoteCheck.Run(run.ExitCode, "", image.ImageId, image.SizeBytes));
    }

    [Theory]
    [InlineData("DOCKER_HOST")]
    [InlineData("DOCKER_CONTEXT")]
    public async Task A_check_through_ssh_builds_and_measures_on_the_engine_behind_the_ssh_server_only(string how)
    {
        if (!await RequireAsync() || !FixturePrerequisites.Met(output, ThrowawaySshd.WhyUnavailable()))
        {
            return;
        }
        await using var engine = await StartEngineAsync();
        await using var sshd = await ThrowawaySshd.StartAsync(engine.Environment);
        output.WriteLine($"sshd ready after {sshd.ReadyAfter.TotalMilliseconds:0} ms");
        await using var sample = new GateSample(GateCheckTests.Passing);
        using var config = TempDockerConfig.Create();

        var environment = new Dictionary<string, string?>(sshd.Environment);
        if (how == "DOCKER_CONTEXT")
        {
            await config.DockerAsync(new Dictionary<string, string?> { ["DOCKER_HOST"] = null }, ["context", "create", "over-ssh", "--docker", "host=" + sshd.DockerHost]);
            environment["DOCKER_HOST"] = null;
            environment["DOCKER_CONTEXT"] = "over-ssh";
        }

        var run = await RemoteCheck.RunAsync(output, config.With(environment), sample.Dockerfile);

        Assert.Equal(0, run.Exit);
        await AssertBuiltAndMeasuredOnlyOnAsync(engine, sample, run);
    }

    [Fact]
    public async Task An_ssh_build_server_that_is_down_exits_2_with_an_environment_error_before_any_build()
    {
        if (!await RequireAsync() || !FixturePrerequisites.Met(output, ThrowawaySshd.WhyUnavailable()))
        {
            return;
        }
        await using var engine = await TlsEngine.StartAsync([]);
        await using var sshd = await ThrowawaySshd.StartAsync(engine.Environment);
        sshd.Kill();
        await using var sample = new GateSample(GateCheckTests.Passing);
        using var config = TempDockerConfig.Create();

        var run = await RemoteCheck.RunAsync(output, config.With(sshd.Environment), sample.Dockerfile);

        Assert.Equal(2, run.Exit);
        Assert.Contains("error SG2003", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("passed", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_remote_engine_that_dies_mid_build_exits_2_with_an_environment_error_and_no_test_failure()
    {
        if (!await RequireAsync())
        {
            return;
        }
        await using var engine = await StartEngineAsync();
        await using var sample = new GateSample(GateCancellationTests.SleepingTest);
        using var config = TempDockerConfig.Create();
        Task? killer = null;

        var run = await RemoteCheck.RunAsync(output, config.With(engine.Environment), sample.Dockerfile, whenStarted: () => killer = KillWhenSleepingAsync());
        await killer!;

        Assert.Equal(2, run.Exit);
        Assert.Matches("error SG20(03|06|13)", run.Output);
        Assert.DoesNotContain("SG3", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("passed", run.Output, StringComparison.OrdinalIgnoreCase);

        async Task KillWhenSleepingAsync()
        {
            Assert.True(await OurProcesses.StepRunsWithinAsync($"sleep 30 && echo {sample.Token}", TimeSpan.FromSeconds(90)),
                "the sleeping test step never started on the remote engine");
            engine.Kill();
        }
    }

    [Theory]
    [InlineData("bytes")]
    [InlineData("http")]
    public async Task A_remote_engine_that_answers_garbage_exits_2_with_SG2003_before_any_build(string garbage)
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var impostor = GarbageEngine.Start(answerHttp: garbage == "http");
        await using var sample = new GateSample(GateCheckTests.Passing);
        using var config = TempDockerConfig.Create();

        var run = await RemoteCheck.RunAsync(output, config.With(new Dictionary<string, string?> { ["DOCKER_HOST"] = impostor.Host, ["DOCKER_CONTEXT"] = null }), sample.Dockerfile);

        Assert.Equal(2, run.Exit);
        Assert.Contains("error SG2003", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("passed", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Null(run.SizeBytes);
    }

    private async Task<bool> RequireAsync() =>
        FixturePrerequisites.Met(output, TlsEngine.WhyUnavailable()) && await DockerAvailability.RequireAsync(output);

    private async Task<TlsEngine> StartEngineAsync()
    {
        var engine = await TlsEngine.StartAsync();
        output.WriteLine($"TLS engine at {engine.Host}: ready after {engine.ReadyAfter.TotalMilliseconds:0} ms, busybox loaded in {engine.ImagesLoadedAfter.TotalMilliseconds:0} ms");
        return engine;
    }

    /// <summary>The image the run reported is on the remote engine with the size it measured, and the local engine has neither it nor its tag.</summary>
    private static async Task AssertBuiltAndMeasuredOnlyOnAsync(TlsEngine engine, GateSample sample, RemoteCheck.Run run)
    {
        Assert.NotNull(run.ImageId);
        using var remote = engine.CreateClient();
        var built = await remote.InspectImageAsync(run.ImageId);
        Assert.NotNull(built);
        Assert.Equal(built.Size, run.SizeBytes);
        Assert.NotNull(await remote.InspectImageAsync(sample.ImageTag("final")));
        using var local = new EngineClient(DockerEndpoint.Resolve());
        Assert.Null(await local.InspectImageAsync(run.ImageId));
        Assert.Null(await local.InspectImageAsync(sample.ImageTag("final")));
    }
}
