using System.CommandLine;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using StageGate.IntegrationTests.Gates;
using StageGate.Processes;
using StageGate.Tool.Commands;

namespace StageGate.IntegrationTests.Cli;

/// <summary><c>stagegate check</c>'s exit codes and output: 0 passed, 1 a gate failed, 2 bad input or environment.</summary>
[Collection(DockerGates.Name)]
public sealed class CheckCommandTests(ITestOutputHelper output)
{
    private sealed record CliRun(int Exit, string Output, string Error)
    {
        public string All => Output + Error;
    }

    /// <summary>Runs <c>stagegate check</c> in this process, as Program.cs wires it.</summary>
    private async Task<CliRun> CheckAsync(params string[] arguments)
    {
        var root = new RootCommand { CheckCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await root.Parse(["check", "--ci", "none", .. arguments])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        output.WriteLine($"exit {exit}\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts the built tool as its own process, as a shell or CI would.</summary>
    private static ProcessCommand Tool(params string[] arguments) =>
        new ProcessCommand(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "StageGate.Tool.dll"), "check", "--ci", "none", .. arguments]);

    [Fact]
    public async Task A_passing_check_exits_0_and_names_the_final_image()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCheckTests.Passing);

        var run = await CheckAsync("--file", sample.Dockerfile);

        Assert.Equal(0, run.Exit);
        Assert.Contains(sample.ImageTag("final"), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_test_step_exits_1_naming_its_dockerfile_line_with_both_output_streams()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCheckTests.FailingTest);

        var run = await CheckAsync("--file", sample.Dockerfile);

        Assert.Equal(1, run.Exit);
        Assert.Contains($"{sample.Dockerfile}(5,1): error SG3001", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{sample.Token}-on-stdout", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{sample.Token}-on-stderr", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_over_its_budget_exits_1_with_SG4001()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCheckTests.Passing);

        var run = await CheckAsync("--file", sample.Dockerfile, "--budget", "1MB");

        Assert.Equal(1, run.Exit);
        Assert.Contains("error SG4001", run.Output, StringComparison.Ordinal);
    }

    // The appended layer adds 200 KiB to an image of about 2MB: past 5%, within 20%.
    [Theory]
    [InlineData("5%", 1, "error SG4002")]
    [InlineData("20%", 0, null)]
    public async Task Growing_against_a_baseline_report_exits_by_the_growth_budget(string growthBudget, int exit, string? error)
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCheckTests.Passing);
        var baseline = Path.Combine(sample.Folder, "base.json");
        Assert.Equal(0, (await CheckAsync("--file", sample.Dockerfile, "--report", baseline)).Exit);
        File.AppendAllText(sample.Dockerfile, "\nRUN dd if=/dev/zero of=/big bs=1k count=200\n");

        var run = await CheckAsync("--file", sample.Dockerfile, "--growth-budget", growthBudget, "--baseline", baseline);

        Assert.Equal(exit, run.Exit);
        if (error is not null)
        {
            Assert.Contains(error, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_budget_flag_overrides_the_budget_in_stagegate_json()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCheckTests.Passing);
        sample.Write("stagegate.json", """{ "sizeBudget": "1MB" }""");

        var run = await CheckAsync("--file", sample.Dockerfile, "--budget", "10MB");

        Assert.Equal(0, run.Exit);
    }

    [Fact]
    public async Task An_unknown_test_target_exits_2_with_SG1008_and_the_nearest_stage_name()
    {
        await using var sample = new GateSample(GateCheckTests.Passing);

        var run = await CheckAsync("--file", sample.Dockerfile, "--test-target", "tset");

        Assert.Equal(2, run.Exit);
        Assert.Contains("error SG1008: --test-target: Stage 'tset' not found.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'test'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_that_is_not_a_size_exits_2_with_SG1012()
    {
        await using var sample = new GateSample(GateCheckTests.Passing);

        var run = await CheckAsync("--file", sample.Dockerfile, "--budget", "12XB");

        Assert.Equal(2, run.Exit);
        Assert.Contains("error SG1012", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DOCKER_HOST_socket_nobody_listens_on_exits_2_with_SG2003_within_seconds()
    {
        await using var sample = new GateSample(GateCheckTests.Passing);
        var socketPath = Path.Combine(sample.Folder, "dead.sock");
        using var deadSocket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        deadSocket.Bind(new UnixDomainSocketEndPoint(socketPath)); // bound, never listening: connections are refused
        var stderr = new StringBuilder();
        var timer = Stopwatch.StartNew();

        var result = await ProcessRunner.RunAsync(
            Tool("--file", sample.Dockerfile).WithEnvironment("DOCKER_HOST", "unix://" + socketPath),
            OutputTarget.ToLines(output.WriteLine),
            OutputTarget.Merge(OutputTarget.ToStringBuilder(stderr), OutputTarget.ToLines(output.WriteLine)));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error SG2003", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(10), $"took {timer.Elapsed}");
    }

    [Fact]
    public async Task Interrupting_the_cli_mid_build_stops_buildx_and_exits_with_SG2007()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCancellationTests.SleepingTest);
        var stderr = new StringBuilder();
        using var interrupt = new CancellationTokenSource();
        using var kill = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // Cancelling `interrupt` sends SIGINT to the tool only, as a CI system cancelling a job does.
        var run = ProcessRunner.RunAsync(
            Tool("--file", sample.Dockerfile),
            OutputTarget.ToLines(output.WriteLine),
            OutputTarget.Merge(OutputTarget.ToStringBuilder(stderr), OutputTarget.ToLines(output.WriteLine)),
            kill.Token,
            interrupt.Token);
        Assert.True(await OurProcesses.StepRunsWithinAsync($"sleep 30 && echo {sample.Token}", TimeSpan.FromSeconds(60)),
            "the sleeping test step never started");
        await interrupt.CancelAsync();

        var stopped = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Contains("exited with code 2", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("error SG2007", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(await OurProcesses.GoneWithinAsync(sample, TimeSpan.FromSeconds(5)));
    }

    /// <summary>A fake docker, written into the sample: buildx is the script, and a run that exits 0 is never probed.</summary>
    private static string FakeDocker(GateSample sample, string script)
    {
        var path = sample.Write("fake-docker", "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    [Theory]
    [InlineData("exit 0")]
    [InlineData("echo 'garbage, not progress' >&2; exit 0")]
    public async Task A_docker_that_builds_nothing_exits_2_with_SG2012_and_passes_no_test(string script)
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCheckTests.Passing);

        var run = await CheckAsync("--file", sample.Dockerfile, "--docker", FakeDocker(sample, script));

        Assert.Equal(2, run.Exit);
        Assert.Contains("error SG2012", run.All, StringComparison.Ordinal);
        Assert.Contains("test not run: docker buildx reported no result", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("passed", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A lone final stage, so a fake buildx's metadata can name the one target.</summary>
    private const string FinalOnly = """
        FROM busybox:latest AS final
        RUN echo {token} > /token
        """;

    // buildx's metadata naming an image that does not exist: built, by buildx's word, but nothing to measure.
    private const string MetadataOfAMissingImage = """
        while [ $# -gt 0 ]; do
          if [ "$1" = "--metadata-file" ]; then echo '{"final":{"containerimage.digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000"}}' > "$2"; fi
          shift
        done
        """;

    [Fact]
    public async Task A_size_budget_that_cannot_be_checked_exits_2_with_SG4003_as_an_error_never_over_budget()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(FinalOnly);

        var run = await CheckAsync("--file", sample.Dockerfile, "--budget", "1MB", "--docker", FakeDocker(sample, MetadataOfAMissingImage));

        Assert.Equal(2, run.Exit);
        Assert.Contains("error SG4003", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("SG4001", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_budget_an_image_that_cannot_be_measured_is_a_warning_and_exits_0()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(FinalOnly);

        var run = await CheckAsync("--file", sample.Dockerfile, "--docker", FakeDocker(sample, MetadataOfAMissingImage));

        Assert.Equal(0, run.Exit);
        Assert.Contains("warning SG4003", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_image_that_cannot_be_pulled_exits_2_with_an_environment_code_and_no_test_failure()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        // Nothing can be pulled on a StageGate machine, so the missing image fails fast.
        await using var sample = new GateSample("""
            FROM busybox:latest AS builder
            RUN echo {token} > /x
            FROM nonexistent-image:1 AS test
            RUN true
            FROM busybox:latest AS final
            COPY --from=builder /x /x
            """);

        var run = await CheckAsync("--file", sample.Dockerfile);

        Assert.Equal(2, run.Exit);
        Assert.Contains("error SG2006", run.All, StringComparison.Ordinal);
        Assert.Contains("test not run: docker buildx failed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SG3", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("test failed", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_builder_stage_shared_by_test_and_final_is_reported_once_as_SG3005_and_exits_1()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample("""
            FROM busybox:latest AS builder
            RUN echo {token} > /x && exit 4
            FROM builder AS test
            RUN true
            FROM busybox:latest AS final
            COPY --from=builder /x /x
            """);

        var run = await CheckAsync("--file", sample.Dockerfile);

        Assert.Equal(1, run.Exit);
        Assert.Single(run.All.Split('\n'), l => l.Contains("error SG3005", StringComparison.Ordinal));
        Assert.Contains("Dockerfile(2,1): error SG3005: Build stage 'builder', which test stage 'test' and final stage 'final' need, failed at step 2/2", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("SG3001", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("SG3004", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("test failed", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Signalling_the_clis_whole_process_group_as_a_ci_runner_does_exits_2_with_SG2007_and_leaves_no_buildx(string signal)
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCancellationTests.SleepingTest);
        var tool = Tool("--file", sample.Dockerfile);
        // setsid makes the tool the leader of its own process group (its pid is the group's id), as a runner's job is.
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in tool.Arguments.Prepend(tool.FileName))
        {
            start.ArgumentList.Add(argument);
        }
        using var cli = Process.Start(start)!;
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();
        Assert.True(await OurProcesses.StepRunsWithinAsync($"sleep 30 && echo {sample.Token}", TimeSpan.FromSeconds(60)),
            "the sleeping test step never started");

        using (var kill = Process.Start("kill", ["-" + signal, "--", "-" + cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await cli.WaitForExitAsync(patience.Token);
        var all = await stdout + await stderr;
        output.WriteLine(all);

        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("error SG2007", all, StringComparison.Ordinal);
        Assert.DoesNotContain("test failed", all, StringComparison.Ordinal);
        Assert.DoesNotContain("SG2006", all, StringComparison.Ordinal);
        Assert.Empty(await OurProcesses.GoneWithinAsync(sample, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_daemon_killed_mid_build_exits_2_with_an_environment_code_and_no_test_failure()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        if (ThrowawayDaemon.WhyUnavailable() is { } reason)
        {
            Assert.False(StageGate.Ci.CiEnvironment.IsCi(Environment.GetEnvironmentVariable), reason);
            output.WriteLine($"{reason}; skipping");
            return;
        }
        await using var daemon = await ThrowawayDaemon.StartAsync();
        await using var sample = new GateSample(GateCancellationTests.SleepingTest);
        var all = new StringBuilder();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var run = ProcessRunner.RunAsync(
            Tool("--file", sample.Dockerfile).WithEnvironment("DOCKER_HOST", daemon.Host),
            OutputTarget.Merge(OutputTarget.ToStringBuilder(all), OutputTarget.ToLines(output.WriteLine)),
            OutputTarget.Merge(OutputTarget.ToStringBuilder(all), OutputTarget.ToLines(output.WriteLine)),
            patience.Token);
        Assert.True(await OurProcesses.StepRunsWithinAsync($"sleep 30 && echo {sample.Token}", TimeSpan.FromSeconds(60)),
            "the sleeping test step never started");
        daemon.Kill();
        var result = await run;

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("error SG20(06|13)", all.ToString());
        Assert.DoesNotContain("test failed", all.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SG3", all.ToString(), StringComparison.Ordinal);
    }
}
