namespace StageGate.IntegrationTests.Cake;

/// <summary>
/// The packed StageGate.Cake addin, loaded by a real <c>build.cake</c> through <c>#addin</c> from a local
/// folder source and run with the pinned <c>dotnet cake</c>, gating tiny busybox Dockerfiles.
/// </summary>
public sealed class CakeAddinTests(ITestOutputHelper output)
{
    private const string PassingDockerfile = """
        FROM busybox AS builder
        RUN echo hi > /app.txt
        FROM builder AS test
        RUN test -f /app.txt
        FROM scratch AS final
        COPY --from=builder /app.txt /
        """;

    // Line 4 is the failing test step.
    private const string FailingTestDockerfile = """
        FROM busybox AS builder
        RUN echo hi > /app.txt
        FROM builder AS test
        RUN echo "looking for /missing.txt" && test -f /missing.txt
        FROM scratch AS final
        COPY --from=builder /app.txt /
        """;

    // The final stage ships all of busybox (a few MB), far over a 100kB budget.
    private const string HeavyFinalDockerfile = """
        FROM busybox AS builder
        RUN echo hi > /app.txt
        FROM builder AS test
        RUN test -f /app.txt
        FROM busybox AS final
        COPY --from=builder /app.txt /
        """;

    [Fact]
    public async Task A_passing_build_gates_the_image_and_hands_the_script_a_typed_result()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var script = new CakeScript(output, PassingDockerfile);

        var run = await script.RunAsync("""
            var result = StageGateCheck(new StageGateSettings().WithSizeBudget("1MB"));
            Information("RESULT passed={0} tests={1} test={2} image={3}",
                result.Passed, result.TestStages.Count, result.TestStages[0].Outcome, result.FinalImage?.ImageId is not null);
            """);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("RESULT passed=True tests=1 test=Passed image=True", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_test_stage_fails_the_cake_run_at_its_dockerfile_line()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var script = new CakeScript(output, FailingTestDockerfile);

        var run = await script.RunAsync("""
            StageGateCheck(new StageGateSettings());
            Information("NOT REACHED");
            """);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches(@"Dockerfile\(4,\d+\): error SG3001: ", run.Output);
        Assert.Contains("looking for /missing.txt", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT REACHED", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_over_its_size_budget_fails_the_cake_run_with_the_sizes()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var script = new CakeScript(output, HeavyFinalDockerfile);

        var run = await script.RunAsync("""
            StageGateCheck(new StageGateSettings { SizeBudget = "100kB" });
            """);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches(@"error SG4001: .*100\s?kB", run.Output);
    }

    [Fact]
    public async Task Returning_the_result_on_failure_lets_the_script_inspect_a_failed_test()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var script = new CakeScript(output, FailingTestDockerfile);

        var run = await script.RunAsync("""
            var result = StageGateCheck(new StageGateSettings().WithReturnResultOnFailure());
            var failed = result.TestStages.Single(t => t.Outcome == GateOutcome.Failed);
            Information("RESULT passed={0} failedLine={1}", result.Passed, failed.Failure?.Line);
            """);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("RESULT passed=False failedLine=4", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_dockerfile_fails_the_cake_run_with_SG1001_before_docker_runs()
    {
        using var script = new CakeScript(output, PassingDockerfile);

        var run = await script.RunAsync("""
            StageGateCheck(new StageGateSettings { Dockerfile = "nowhere/Dockerfile", ReturnResultOnFailure = true });
            """);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("error SG1001: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stages_alias_hands_the_script_the_parsed_dockerfile()
    {
        using var script = new CakeScript(output, PassingDockerfile);

        var run = await script.RunAsync("""
            var dockerfile = StageGateStages("Dockerfile");
            Information("STAGES {0}", string.Join(",", dockerfile.Stages.Select(s => s.Name)));
            """);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("STAGES builder,test,final", run.Output, StringComparison.Ordinal);
    }
}
