using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Engine;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.IntegrationTests.Gates;

/// <summary><see cref="GatePipeline.CheckAsync"/> against the real engine and buildx, on tiny busybox Dockerfiles.</summary>
[Collection(DockerGates.Name)]
public sealed class GateCheckTests(ITestOutputHelper output)
{
    /// <summary>A builder with 100 KiB of build-only files, a test stage, and a final stage of ARG, ENV, WORKDIR, COPY and RUN.</summary>
    internal const string Passing = """
        FROM busybox:latest AS builder
        WORKDIR /src
        RUN echo hello > /src/out.txt && dd if=/dev/zero of=/src/build-only bs=1k count=100
        FROM builder AS test
        RUN test -f /src/out.txt
        FROM busybox:latest AS final
        ARG VERSION=1
        ENV GREETING=hi
        WORKDIR /app
        COPY --from=builder /src/out.txt /app/out.txt
        RUN echo $VERSION > /app/version.txt
        """;

    /// <summary>The test stage's second step prints a marker to stdout and stderr, then fails (line 5).</summary>
    internal const string FailingTest = """
        FROM busybox:latest AS builder
        RUN echo hello > /out.txt
        FROM builder AS test
        RUN echo "preparing {token}"
        RUN echo "{token}-on-stdout"; echo "{token}-on-stderr" >&2; exit 3
        FROM busybox:latest AS final
        COPY --from=builder /out.txt /out.txt
        """;

    private Task<GateResult> CheckAsync(TestOptions options) => GatePipeline.CheckAsync(options, new RecordingProgress(output));

    [Fact]
    public async Task A_passing_sample_passes_its_test_stage_and_measures_the_final_image()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(Passing);

        var result = await CheckAsync(sample.Options);

        Assert.True(result.Passed, string.Join("\n", result.Diagnostics));
        Assert.Equal(("test", GateOutcome.Passed), (Assert.Single(result.TestStages).Target, result.TestStages[0].Outcome));
        Assert.Equal(GateOutcome.Passed, result.FinalImage?.Outcome);
        Assert.True(result.FinalImage?.SizeBytes > 0, $"size {result.FinalImage?.SizeBytes}");
        Assert.Contains(sample.ImageTag("final"), result.FinalImage!.Tags);
    }

    [Fact]
    public async Task The_final_images_layers_are_attributed_to_the_dockerfile_lines_that_made_them()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(Passing);

        using var engine = new EngineClient(DockerEndpoint.Resolve());
        var baseLayers = (await engine.GetImageHistoryAsync("busybox:latest")).Count;

        var image = (await CheckAsync(sample.Options)).FinalImage!;

        Assert.Equal(Enumerable.Repeat<int?>(null, baseLayers).Concat([7, 8, 9, 10, 11]), image.Layers.Select(l => l.Line));
        Assert.Equal(6, image.Layers.Single(l => l.Line == 10).SizeBytes); // "hello\n"
        Assert.Equal(image.SizeBytes, image.Layers.Sum(l => l.SizeBytes));
    }

    [Fact]
    public async Task The_builder_stage_is_measured_and_the_savings_of_the_split_reported()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(Passing);

        var result = await CheckAsync(sample.Options);

        Assert.Equal("builder", result.FinalImage?.BuilderStage);
        Assert.True(result.FinalImage?.BuilderSizeBytes > result.FinalImage?.SizeBytes + 100_000,
            $"builder {result.FinalImage?.BuilderSizeBytes} B, final {result.FinalImage?.SizeBytes} B");
        Assert.Contains("smaller than builder", RunSummary.For(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_test_step_names_its_dockerfile_line_and_shows_its_last_output()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(FailingTest);

        var result = await CheckAsync(sample.Options);

        var failure = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((Codes.TestStepFailed.Code, sample.Dockerfile, (int?)5), (failure.Code, failure.File, failure.Line));
        Assert.Contains($"{sample.Token}-on-stdout", failure.Details);
        Assert.Contains($"{sample.Token}-on-stderr", failure.Details);
        Assert.Equal(GateOutcome.Failed, Assert.Single(result.TestStages).Outcome);
    }

    [Fact]
    public async Task An_image_over_its_size_budget_fails_with_SG4001_naming_the_size_and_the_budget()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(Passing);

        var result = await CheckAsync(sample.Options with { SizeBudget = "1MB" });

        var overBudget = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(Codes.OverBudget.Code, overBudget.Code);
        Assert.Contains(ByteSizeFormat.Docker(result.FinalImage!.SizeBytes!.Value), overBudget.Message, StringComparison.Ordinal);
        Assert.Contains("the 1MB budget", overBudget.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_test_target_is_SG1008_before_docker_is_started()
    {
        // A docker that does not exist would be SG2001 the moment anything tried to start it.
        var options = new TestOptions { Dockerfile = "", DockerPath = "/nonexistent/docker-" + Guid.NewGuid().ToString("N") };
        await using var sample = new GateSample(Passing);

        var error = await Assert.ThrowsAsync<StageGateException>(() =>
            CheckAsync(options with { Dockerfile = sample.Dockerfile, TestTargets = ["tset"] }));

        Assert.Equal(Codes.UnknownTarget.Code, error.Code);
        Assert.Contains("Did you mean 'test'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sequential_mode_does_not_build_the_final_stage_after_a_failing_test_stage()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(FailingTest);

        var result = await CheckAsync(sample.Options with { Sequential = true });

        Assert.Equal(GateOutcome.Failed, Assert.Single(result.TestStages).Outcome);
        Assert.Equal(GateOutcome.NotRun, result.FinalImage?.Outcome);
        Assert.DoesNotContain(result.Steps, s => s.Target == "final");
        using var engine = new EngineClient(DockerEndpoint.Resolve());
        Assert.Null(await engine.InspectImageAsync(sample.ImageTag("final")));
    }

    [Fact]
    public async Task Stagegate_json_beside_the_dockerfile_supplies_the_test_targets_and_the_budget()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample("""
            FROM busybox:latest AS unit
            RUN echo "unit tests {token}"
            FROM busybox:latest AS final
            RUN echo app > /app.txt
            """);
        sample.Write("stagegate.json", """{ "testTargets": ["unit"], "sizeBudget": "1MB" }""");

        var result = await CheckAsync(sample.Options);

        Assert.Equal(("unit", GateOutcome.Passed), (Assert.Single(result.TestStages).Target, result.TestStages[0].Outcome));
        Assert.Equal(("1MB", GateOutcome.Failed), (Assert.Single(result.Budgets).Budget, result.Budgets[0].Outcome));
    }

    [Fact]
    public async Task Unnamed_stages_and_a_copy_from_a_stage_number_build_and_measure()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample("""
            FROM busybox:latest
            RUN echo zero > /zero.txt
            FROM busybox:latest
            COPY --from=0 /zero.txt /zero.txt
            """);

        var result = await CheckAsync(sample.Options);

        Assert.True(result.Passed, string.Join("\n", result.Diagnostics));
        Assert.Equal("stage-1", result.FinalImage?.Target);
        Assert.Equal(5, result.FinalImage!.Layers.Single(l => l.Line == 4).SizeBytes); // "zero\n"
    }

    [Fact]
    public async Task A_failing_step_of_a_single_stage_dockerfile_points_at_its_line()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample("""
            FROM busybox:latest
            RUN echo "{token}"
            RUN echo "{token} broke" >&2; exit 4
            """);

        var result = await CheckAsync(sample.Options);

        var failure = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((Codes.FinalStepFailed.Code, (int?)3), (failure.Code, failure.Line));
        Assert.Contains($"{sample.Token} broke", failure.Details);
    }

    [Fact]
    public async Task A_test_stage_that_passed_is_reported_passed_when_the_final_stage_fails()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        // The final stage fails after the test stage has finished, so the bake's shared exit code is 1.
        await using var sample = new GateSample("""
            FROM busybox:latest AS test
            RUN echo "tests pass {token}"
            FROM busybox:latest AS final
            RUN sleep 8; echo "{token}"; exit 5
            """);

        var result = await CheckAsync(sample.Options);

        Assert.Equal(GateOutcome.Passed, Assert.Single(result.TestStages).Outcome);
        var failure = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((Codes.FinalStepFailed.Code, (int?)4), (failure.Code, failure.Line));
    }
}
