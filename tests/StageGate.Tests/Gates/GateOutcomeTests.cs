using StageGate.Buildx;
using StageGate.Gates;
using StageGate.Tests.Buildx;

namespace StageGate.Tests.Gates;

/// <summary>
/// How each target of a run ended, decided from buildx's progress: captured runs from the Buildx fixtures, and
/// hand-made ones for what a capture cannot show on demand (a test stage that finished while the final stage failed).
/// </summary>
public sealed class GateOutcomeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    private static GatePlan Plan(string fixtureDockerfile) => GatePlan.Create(new TestOptions
    {
        Dockerfile = Path.Combine(RepoRoot.Path, "tests", "StageGate.Tests", "Buildx", "Fixtures", fixtureDockerfile),
        UseConfigurationFile = false,
    });

    private static BuildRun Run(string fixture, int exitCode, IEnumerable<string>? bakeTargets = null, string? forTarget = null)
    {
        var (progress, _) = Fixtures.Follow(fixture, bakeTargets);
        return new BuildRun(exitCode, progress.Steps, progress.TextLines, progress.SolveError, TimeSpan.FromSeconds(1)) { ForTarget = forTarget };
    }

    private static TargetOutcome Outcome(GatePlan plan, string bakeName, params BuildRun[] runs) =>
        TargetOutcomes.Decide(plan, BuildTargets.For(plan).Single(t => t.BakeName == bakeName), runs);

    private static BuildStep Step(string? target, string? stage, int number, int count, string instruction, string? error = null) => new()
    {
        Digest = $"sha256:{target}-{stage}-{number}",
        Number = number,
        Name = $"[{target} {stage} {number}/{count}] {instruction}",
        Target = target,
        Targets = target is null ? [] : [target],
        Stage = stage,
        StepNumber = number,
        StepCount = count,
        Instruction = instruction,
        Started = Start,
        Completed = Start.AddSeconds(number),
        Duration = TimeSpan.FromSeconds(1),
        Error = error,
    };

    [Fact]
    public void In_a_bake_the_failing_test_stage_is_failed_at_its_dockerfile_line_with_its_output()
    {
        var plan = Plan("Dockerfile.fixture");

        var test = Outcome(plan, "test", Run("bake-test-fails-final-passes.rawjson", 1, ["test", "final"]));

        Assert.Equal(GateOutcome.Failed, test.Outcome);
        Assert.Equal(4, test.Failure?.Line);
        Assert.Equal("1/1", test.Failure?.StepText);
        // Both streams, in the order BuildKit delivered them.
        Assert.Equal(["FAIL: thing", "running tests"], test.Failure?.Output);
    }

    [Fact]
    public void In_a_bake_the_final_stage_that_exported_its_image_passed_although_the_test_stage_failed()
    {
        var plan = Plan("Dockerfile.fixture");

        var final = Outcome(plan, "final", Run("bake-test-fails-final-passes.rawjson", 1, ["test", "final"]));

        Assert.Equal(GateOutcome.Passed, final.Outcome);
    }

    [Fact]
    public void In_a_bake_the_builder_target_that_never_ran_is_not_counted_as_failed()
    {
        var plan = Plan("Dockerfile.fixture");

        var builder = Outcome(plan, "builder", Run("bake-test-fails-final-passes.rawjson", 1, ["test", "final"]));

        Assert.Equal(GateOutcome.NotRun, builder.Outcome);
    }

    [Fact]
    public void A_sequential_test_run_that_failed_leaves_the_final_stage_not_run()
    {
        var plan = Plan("Dockerfile.fixture");
        var testRun = Run("build-test-step-fails.rawjson", 1, forTarget: "test");

        Assert.Equal(GateOutcome.Failed, Outcome(plan, "test", testRun).Outcome);
        Assert.Equal(GateOutcome.NotRun, Outcome(plan, "final", testRun).Outcome);
    }

    [Fact]
    public void A_sequential_final_run_that_succeeded_passed_with_the_image_id_from_its_metadata()
    {
        var plan = Plan("Dockerfile.fixture");
        var run = Run("build-final-cached.rawjson", 0, forTarget: "final") with
        {
            Metadata = BuildMetadata.Parse("""{ "containerimage.digest": "sha256:built" }""", bake: false),
        };

        var final = Outcome(plan, "final", run);

        Assert.Equal((GateOutcome.Passed, "sha256:built"), (final.Outcome, final.ImageId));
    }

    [Fact]
    public void A_final_run_that_exited_0_without_an_image_id_has_no_result()
    {
        var plan = Plan("Dockerfile.fixture");

        var final = Outcome(plan, "final", Run("build-final-cached.rawjson", 0, forTarget: "final"));

        Assert.Equal((GateOutcome.NotRun, NotRunCause.NoResult), (final.Outcome, final.NotRun));
    }

    [Fact]
    public void A_test_stage_buildx_solved_without_reporting_its_cached_steps_passes_on_its_metadata_entry()
    {
        var plan = Plan("Dockerfile.fixture");
        var test = BuildTargets.For(plan).First(t => t.Role == TargetRole.Test);
        var solved = new BuildRun(0, [], [], null, TimeSpan.Zero)
        {
            Metadata = BuildMetadata.Parse($$"""{ "{{test.BakeName}}": { "buildx.build.ref": "default/default/abc" } }""", bake: true),
        };

        var outcome = TargetOutcomes.Decide(plan, test, [solved]);

        Assert.Equal(GateOutcome.Passed, outcome.Outcome);
    }

    [Fact]
    public void A_bake_that_exited_0_and_printed_nothing_passes_no_target()
    {
        var plan = Plan("Dockerfile.fixture");
        var silent = new BuildRun(0, [], [], null, TimeSpan.Zero);

        var outcomes = BuildTargets.For(plan).Select(t => TargetOutcomes.Decide(plan, t, [silent])).ToList();

        Assert.All(outcomes, o => Assert.Equal((GateOutcome.NotRun, NotRunCause.NoResult), (o.Outcome, o.NotRun)));
    }

    [Fact]
    public void A_failing_step_of_a_builder_stage_that_test_and_final_both_need_is_that_stages_failure_not_theirs()
    {
        var plan = Plan("Dockerfile.fixture");
        var run = new BuildRun(1,
        [
            Step("test", "builder", 2, 2, "RUN echo hello > /out.txt", "exit code: 2") with { Targets = ["test", "final"] },
        ], [], null, TimeSpan.FromSeconds(1));

        var test = Outcome(plan, "test", run);
        var final = Outcome(plan, "final", run);

        Assert.Equal((GateOutcome.NotRun, NotRunCause.SharedStageFailed, "builder", 2), (test.Outcome, test.NotRun, test.Failure?.Stage, test.Failure?.Line));
        Assert.Equal((GateOutcome.NotRun, NotRunCause.SharedStageFailed), (final.Outcome, final.NotRun));
    }

    [Fact]
    public void A_step_that_failed_for_the_environment_fails_no_stage()
    {
        var plan = Plan("Dockerfile.fixture");
        var run = new BuildRun(1,
        [
            Step("test", "test", 1, 1, "RUN echo \"running tests\"", "rpc error: code = Unavailable desc = error reading from server: EOF")
                with { FailureKind = StepFailureKind.Environment },
        ], [], null, TimeSpan.FromSeconds(1));

        var test = Outcome(plan, "test", run);

        Assert.Equal((GateOutcome.NotRun, NotRunCause.EnvironmentFailed, null), (test.Outcome, test.NotRun, test.Failure));
    }

    [Fact]
    public void Parallel_test_stages_each_report_the_time_of_their_own_steps_not_of_cached_or_shared_ones()
    {
        var plan = Plan("Dockerfile.fixture");
        var longAgo = Start.AddDays(-3);
        var run = new BuildRun(0,
        [
            // A cached step may carry the times of the run that filled the cache.
            Step("test", "builder", 2, 2, "RUN echo hello > /out.txt") with { Cached = true, Started = longAgo, Completed = longAgo.AddSeconds(5) },
            Step("test", "test", 1, 1, "RUN echo \"running tests\"") with { Started = Start.AddSeconds(1), Completed = Start.AddSeconds(3) },
            new BuildStep { Digest = "sha256:internal", Number = 9, Name = "[internal] load build context", Instruction = "load build context", Started = longAgo, Completed = Start },
        ], [], null, TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(2), Outcome(plan, "test", run).Duration);
    }

    [Fact]
    public void A_failing_step_of_an_unnamed_last_stage_points_at_its_line()
    {
        var plan = Plan("Dockerfile.unnamed");

        var final = Outcome(plan, "stage-1", Run("unnamed-stage-fails-with-long-log.rawjson", 1));

        Assert.Equal(GateOutcome.Failed, final.Outcome);
        Assert.Equal(5, final.Failure?.Line);
        Assert.Equal("stage-1", final.Failure?.Stage);
    }

    [Fact]
    public void A_missing_base_image_leaves_the_final_stage_not_run_for_the_environment_without_blaming_a_step()
    {
        var plan = Plan("Dockerfile.missing");

        var final = Outcome(plan, "base", Run("missing-base-image.rawjson", 1));

        Assert.Equal((GateOutcome.NotRun, NotRunCause.EnvironmentFailed, null), (final.Outcome, final.NotRun, final.Failure));
    }

    [Fact]
    public void A_failing_step_of_a_single_stage_dockerfile_points_at_its_line()
    {
        // A lone stage's steps carry no stage name: "[2/2] RUN echo single".
        var plan = Plan("Dockerfile.single");
        var run = new BuildRun(1, [Step(null, null, 2, 2, "RUN echo single", "exit code: 1")], [], null, TimeSpan.FromSeconds(1));

        var final = Outcome(plan, "stage-0", run);

        Assert.Equal(GateOutcome.Failed, final.Outcome);
        Assert.Equal(2, final.Failure?.Line);
    }

    [Fact]
    public void In_a_bake_a_test_stage_that_ran_to_its_end_passed_although_the_final_stage_failed()
    {
        var plan = Plan("Dockerfile.fixture");
        var run = new BuildRun(1,
        [
            Step("test", "builder", 1, 2, "FROM docker.io/library/busybox"),
            Step("test", "builder", 2, 2, "RUN echo hello > /out.txt"),
            Step("test", "test", 1, 1, "RUN echo \"running tests\""),
            Step("final", "final", 2, 2, "COPY --from=builder /out.txt /out.txt", "failed to compute cache key: not found"),
        ], [], null, TimeSpan.FromSeconds(3));

        Assert.Equal(GateOutcome.Passed, Outcome(plan, "test", run).Outcome);
        Assert.Equal(6, Outcome(plan, "final", run).Failure?.Line);
    }

    [Fact]
    public void In_a_bake_a_test_stage_cancelled_by_the_final_stages_failure_did_not_run()
    {
        var plan = Plan("Dockerfile.fixture");
        var run = new BuildRun(1,
        [
            Step("test", "test", 1, 1, "RUN echo \"running tests\"", "context canceled"),
            Step("final", "final", 2, 2, "COPY --from=builder /out.txt /out.txt", "failed to compute cache key: not found"),
        ], [], null, TimeSpan.FromSeconds(3));

        Assert.Equal(GateOutcome.NotRun, Outcome(plan, "test", run).Outcome);
    }

    [Fact]
    public void A_test_step_that_bakes_merged_with_the_results_export_passes_when_one_copy_finished()
    {
        var plan = Plan("Dockerfile.fixture");
        var run = new BuildRun(0,
        [
            // BuildKit ran the step once; its end came under the export target, the test target's copy only started.
            Step("test", "test", 1, 1, "RUN echo \"running tests\"") with { Completed = null, Duration = null },
            Step("stagegate-results-test", "test", 1, 1, "RUN echo \"running tests\"") with { Cached = true },
        ], [], null, TimeSpan.FromSeconds(3));

        Assert.Equal(GateOutcome.Passed, Outcome(plan, "test", run).Outcome);
    }
}
