using System.Text.RegularExpressions;
namespace StageGate.IntegrationTests.Cake;

/// <summary>
/// The packed StageGate.Cake addin, loaded by a real <c>build.cake</c> through <c>#addin</c> from a local
/// folder source and run with the pinned <c>dotnet cake</c>, gating tiny busybox Dockerfiles.
/// </summary>
public sealed class CakeAddinTests(ITestOutputHelper output)
{
    private const string PassingDockerfile = TestDockerfiles.Passing;

    private const string FailingTestDockerfile = TestDockerfiles.FailingTest;

    private const string HeavyFinalDockerfile = TestDockerfiles.HeavyFinal;

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
            Information("RESULT passed={0} test={1} size={2} image={3}",
                result.Passed, result.TestStages.Single().Outcome, result.FinalImage?.SizeBytes, result.FinalImage?.ImageId is not null);
            """);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("RESULT passed=True test=Passed size=3 image=True", run.Output, StringComparison.Ordinal);
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
        // The log shows the failure once, at its line; the exception only points at it.
        Assert.Single(Regex.Matches(run.Output, @"Dockerfile\(4,\d+\): error SG3001: "));
        Assert.Contains("looking for /missing.txt", run.Output, StringComparison.Ordinal);
        Assert.Contains("(SG3001)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("looking for /missing.txt", run.Error, StringComparison.Ordinal);
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
        Assert.Matches(@"Dockerfile\(5,\d+\): error SG4001: .* \d+(\.\d+)?MB\b.*\b100kB\b", run.Output);
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
    public async Task Building_one_stage_hands_the_script_its_outcome_and_failing_line()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var script = new CakeScript(output, FailingTestDockerfile);

        var run = await script.RunAsync("""
            var stage = StageGateBuildStage("test", new StageGateSettings { ReturnResultOnFailure = true });
            Information("RESULT target={0} outcome={1} failedLine={2}", stage.Target, stage.Outcome, stage.Failure?.Line);
            """);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("RESULT target=test outcome=Failed failedLine=4", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measuring_an_image_over_its_budget_fails_the_cake_run_with_its_size()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var script = new CakeScript(output, PassingDockerfile);

        var run = await script.RunAsync("""
            StageGateMeasure("busybox:latest", "100kB");
            """);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches(@"error SG4001: Image 'busybox:latest' is over its size budget\. .* \d+(\.\d+)?MB\b.*\b100kB\b", run.Output);
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
        Assert.Contains("(SG1001)", run.Error, StringComparison.Ordinal);
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
