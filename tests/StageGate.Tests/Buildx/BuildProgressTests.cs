using StageGate.Buildx;

namespace StageGate.Tests.Buildx;

public sealed class BuildProgressTests
{
    private static readonly string[] BakeTargets = ["test", "final"];

    [Fact]
    public void A_failing_test_step_is_found_with_its_error_and_output()
    {
        var (progress, _) = Fixtures.Follow("build-test-step-fails.rawjson");

        var failed = Assert.Single(progress.Steps.Where(s => s.Failed).ToList());
        Assert.Equal("test", failed.Stage);
        Assert.Equal(1, failed.StepNumber);
        Assert.Equal(1, failed.StepCount);
        Assert.Equal("RUN echo \"running tests\"; echo \"FAIL: thing\" >&2; exit 3", failed.Instruction);
        Assert.Equal("the command exited with code 3", failed.Error);
        Assert.Equal(
            [new BuildLogLine(BuildLogStream.Stdout, "running tests"), new BuildLogLine(BuildLogStream.Stderr, "FAIL: thing")],
            failed.LogTail);
    }

    [Fact]
    public void A_plain_build_has_no_target_and_names_the_stage()
    {
        var (progress, _) = Fixtures.Follow("build-test-step-fails.rawjson");

        var step = progress.Steps.Single(s => s.Instruction == "RUN echo hello > /out.txt");
        Assert.Null(step.Target);
        Assert.Equal("builder", step.Stage);
        Assert.Equal(2, step.StepNumber);
        Assert.Equal(2, step.StepCount);
    }

    [Fact]
    public void The_ERROR_line_after_the_last_object_is_surfaced_as_text()
    {
        var (progress, lines) = Fixtures.Follow("build-test-step-fails.rawjson");

        const string error = "ERROR: failed to solve: executor failed running [/bin/sh -c echo \"running tests\"; echo \"FAIL: thing\" >&2; exit 3]: exit code: 3";
        Assert.Equal([error], progress.TextLines);
        Assert.Equal(error["ERROR: ".Length..], progress.SolveError);
        Assert.Equal(new ProgressLine(ProgressLineKind.Text, error), lines[^1]);
    }

    [Fact]
    public void The_failure_is_streamed_as_a_line_the_moment_the_step_fails()
    {
        var progress = new BuildProgress();
        var streamed = new List<ProgressLine>();
        foreach (var line in Fixtures.Text("build-test-step-fails.rawjson").Split('\n'))
        {
            streamed.AddRange(progress.ReadLine(line));
            if (line.StartsWith("ERROR:", StringComparison.Ordinal))
            {
                break;
            }
        }

        var failure = Assert.Single(streamed, l => l.Kind == ProgressLineKind.StepFailed);
        Assert.Equal(
            "[test 1/1] RUN echo \"running tests\"; echo \"FAIL: thing\" >&2; exit 3 — failed: the command exited with code 3",
            failure.Text);
        Assert.True(streamed.IndexOf(failure) < streamed.FindIndex(l => l.Kind == ProgressLineKind.Text));
    }

    [Fact]
    public void Each_step_that_runs_is_announced_once_when_it_starts()
    {
        var (_, lines) = Fixtures.Follow("bake-test-fails-final-passes.rawjson", BakeTargets);

        Assert.Equal(
            ["[test 1/1] RUN echo \"running tests\"; echo \"FAIL: thing\" >&2; exit 3 — started"],
            lines.Where(l => l.Kind == ProgressLineKind.StepStarted && l.Text.Contains("RUN", StringComparison.Ordinal)).Select(l => l.Text));
    }

    [Fact]
    public void A_completed_step_is_streamed_with_its_duration()
    {
        var (_, lines) = Fixtures.Follow("build-test-step-fails.rawjson");

        Assert.Contains(new ProgressLine(ProgressLineKind.StepCompleted, "[builder 2/2] RUN echo hello > /out.txt — 0.5s"),
            lines.Select(l => l with { Step = null }));
    }

    [Fact]
    public void Step_output_is_streamed_line_by_line_with_the_step_number()
    {
        var (_, lines) = Fixtures.Follow("build-test-step-fails.rawjson");

        Assert.Equal(["#5 running tests", "#5 FAIL: thing"],
            lines.Where(l => l.Kind == ProgressLineKind.StepOutput).Select(l => l.Text));
    }

    [Fact]
    public void The_bake_prefix_is_split_into_target_and_stage()
    {
        var (progress, _) = Fixtures.Follow("bake-test-fails-final-passes.rawjson", BakeTargets);

        var test = progress.Steps.Single(s => s.Instruction.StartsWith("RUN echo \"running tests\"", StringComparison.Ordinal));
        Assert.Equal(("test", "test", 1, 1), (test.Target, test.Stage, test.StepNumber, test.StepCount));
        var copy = progress.Steps.Single(s => s.Instruction == "COPY --from=builder /out.txt /out.txt");
        Assert.Equal(("final", "final", 2, 2), (copy.Target, copy.Stage, copy.StepNumber, copy.StepCount));
    }

    [Fact]
    public void The_bake_prefix_is_split_without_being_told_the_targets()
    {
        var (progress, _) = Fixtures.Follow("bake-test-fails-final-passes.rawjson");

        var from = progress.Steps.Single(s => s.Instruction == "FROM docker.io/library/busybox");
        Assert.Equal(("test", "builder", 1), (from.Target, from.Stage, from.StepNumber));
    }

    [Fact]
    public void A_stage_shared_by_two_bake_targets_is_one_step_that_keeps_the_first_target_and_lists_both()
    {
        var (progress, _) = Fixtures.Follow("bake-test-fails-final-passes.rawjson", BakeTargets);

        var builder = Assert.Single(progress.Steps, s => s.Instruction == "RUN echo hello > /out.txt");
        Assert.Equal("test", builder.Target);
        Assert.Equal(["test", "final"], builder.Targets);
        Assert.Equal("[test builder 2/2] RUN echo hello > /out.txt", builder.Name);
        Assert.True(builder.Cached);
    }

    [Fact]
    public void Internal_bake_vertices_are_internal_steps_of_their_target()
    {
        var (progress, _) = Fixtures.Follow("bake-test-fails-final-passes.rawjson", BakeTargets);

        var load = progress.Steps.First(s => s.Name == "[test internal] load build definition from Dockerfile");
        Assert.True(load.IsInternal);
        Assert.Equal(("test", null, "load build definition from Dockerfile"), (load.Target, load.Stage, load.Instruction));
        var export = progress.Steps.Single(s => s.Name == "[final] exporting to image");
        Assert.True(export.IsInternal);
        Assert.Equal(("final", null, "exporting to image"), (export.Target, export.Stage, export.Instruction));
        var definitions = progress.Steps.Single(s => s.Name == "[internal] load local bake definitions");
        Assert.Null(definitions.Target);
    }

    [Fact]
    public void In_a_bake_only_the_failing_test_step_is_failed_and_the_final_target_completes()
    {
        var (progress, _) = Fixtures.Follow("bake-test-fails-final-passes.rawjson", BakeTargets);

        var failed = Assert.Single(progress.Steps.Where(s => s.Failed).ToList());
        Assert.Equal("test", failed.Target);
        Assert.Contains(failed.LogTail, l => l.Text == "FAIL: thing");
        Assert.All(progress.Steps.Where(s => s.Target == "final"), s => Assert.True(s.IsCompleted && s.Error is null));
    }

    [Fact]
    public void Cached_steps_are_marked_and_streamed_as_cached()
    {
        var (progress, lines) = Fixtures.Follow("build-final-cached.rawjson");

        Assert.Equal(["[builder 2/2] RUN echo hello > /out.txt", "[final 2/2] COPY --from=builder /out.txt /out.txt"],
            progress.Steps.Where(s => s.Cached).Select(s => s.Name));
        Assert.Equal(
            ["[builder 2/2] RUN echo hello > /out.txt — cached", "[final 2/2] COPY --from=builder /out.txt /out.txt — cached"],
            lines.Where(l => l.Kind == ProgressLineKind.StepCached).Select(l => l.Text));
        var cached = progress.Steps.Where(s => s.Cached).Select(s => s.Digest).ToHashSet();
        Assert.DoesNotContain(lines, l => l.Kind == ProgressLineKind.StepStarted && cached.Contains(l.Step!.Digest));
        Assert.Empty(progress.Steps.Where(s => s.Failed).ToList());
        Assert.Null(progress.SolveError);
    }

    [Fact]
    public void A_plain_build_export_is_internal_without_a_target()
    {
        var (progress, _) = Fixtures.Follow("build-final-cached.rawjson");

        var export = progress.Steps.Single(s => s.Name == "exporting to image");
        Assert.True(export.IsInternal);
        Assert.Null(export.Target);
    }

    [Fact]
    public void Unnamed_stages_are_named_stage_n()
    {
        var (progress, _) = Fixtures.Follow("unnamed-stage-fails-with-long-log.rawjson");

        var failed = Assert.Single(progress.Steps.Where(s => s.Failed).ToList());
        Assert.Equal(("stage-1", 3, 3), (failed.Stage, failed.StepNumber, failed.StepCount));
    }

    [Fact]
    public void The_log_tail_keeps_the_last_20_lines_including_an_unterminated_line_and_non_ascii_stderr()
    {
        var (progress, _) = Fixtures.Follow("unnamed-stage-fails-with-long-log.rawjson");

        var tail = Assert.Single(progress.Steps.Where(s => s.Failed).ToList()).LogTail;
        Assert.Equal(20, tail.Count);
        Assert.Equal("line 13", tail[0].Text);
        Assert.Equal(new BuildLogLine(BuildLogStream.Stdout, "no newline at end"), tail[^2]);
        Assert.Equal(new BuildLogLine(BuildLogStream.Stderr, " é ünïcode"), tail[^1]);
    }

    [Fact]
    public void The_log_tail_length_can_be_chosen()
    {
        var progress = new BuildProgress(logTailLines: 3);
        foreach (var line in Fixtures.Text("unnamed-stage-fails-with-long-log.rawjson").Split('\n'))
        {
            progress.ReadLine(line);
        }

        Assert.Equal(["line 30", "no newline at end", " é ünïcode"], progress.Steps.Where(s => s.Failed).ToList()[0].LogTail.Select(l => l.Text));
    }

    [Fact]
    public void A_lone_unnamed_stage_has_step_numbers_and_no_stage_name()
    {
        var (progress, _) = Fixtures.Follow("single-stage.rawjson");

        var run = progress.Steps.Single(s => s.Instruction == "RUN echo single");
        Assert.Equal((null, 2, 2), (run.Stage, run.StepNumber, run.StepCount));
        Assert.Equal([new BuildLogLine(BuildLogStream.Stdout, "single")], run.LogTail);
    }

    [Fact]
    public void A_missing_base_image_fails_an_internal_step_before_any_stage_runs()
    {
        var (progress, _) = Fixtures.Follow("missing-base-image.rawjson");

        var failed = Assert.Single(progress.Steps.Where(s => s.Failed).ToList());
        Assert.True(failed.IsInternal);
        Assert.Equal("load metadata for nonexistent.invalid/nothing:1", failed.Instruction);
        Assert.Contains("no such host", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(progress.Steps, s => !s.IsInternal);
    }

    [Fact]
    public void Reading_in_chunks_of_any_size_finds_the_same_steps_as_reading_lines()
    {
        var text = Fixtures.Text("bake-test-fails-final-passes.rawjson");
        var (byLine, _) = Fixtures.Follow("bake-test-fails-final-passes.rawjson", BakeTargets);
        var byChunk = new BuildProgress(BakeTargets);
        for (var i = 0; i < text.Length; i += 7)
        {
            byChunk.Read(text.AsSpan(i, Math.Min(7, text.Length - i)));
        }
        byChunk.Complete();

        Assert.Equal(Describe(byLine.Steps), Describe(byChunk.Steps));
        Assert.Equal(byLine.TextLines, byChunk.TextLines);

        static string[] Describe(IEnumerable<BuildStep> steps) => steps
            .Select(s => $"{s.Number} {s.Name} {s.Target} {s.Stage} {s.StepNumber} {s.Cached} {s.Duration} {s.Error} {string.Join('|', s.LogTail)}")
            .ToArray();
    }

    [Fact]
    public void A_step_run_twice_counts_the_time_it_actually_ran()
    {
        var (progress, _) = Fixtures.Follow("build-test-step-fails.rawjson");

        var from = progress.Steps.Single(s => s.Instruction == "FROM docker.io/library/busybox");

        static DateTimeOffset At(string time) => DateTimeOffset.Parse("2026-11-23T05:24:" + time + "Z", System.Globalization.CultureInfo.InvariantCulture);
        var ran = (At("28.41106556") - At("28.410699894")) + (At("28.41732164") - At("28.412149694"));
        // BuildKit's nanoseconds become 100 ns ticks, so allow a tick of rounding on each timestamp.
        Assert.InRange(from.Duration!.Value.Ticks, ran.Ticks - 4, ran.Ticks + 4);
        Assert.True(from.Duration < from.Completed - from.Started);
    }
}
