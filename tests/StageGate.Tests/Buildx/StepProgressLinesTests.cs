using StageGate.Buildx;

namespace StageGate.Tests.Buildx;

/// <summary>What a user sees while steps run: a line when a step starts and a heartbeat while it runs on.</summary>
public sealed class StepProgressLinesTests
{
    private const string Make = "sha256:make";

    private static List<ProgressLine> Feed(BuildProgress progress, params string[] records) =>
        records.SelectMany(r => progress.Read(r)).ToList();

    [Fact]
    public void A_step_is_announced_in_plain_words_when_it_starts()
    {
        var progress = new BuildProgress(clock: new ManualClock());

        var lines = Feed(progress, RawJson.Vertex(Make, "[test 2/3] RUN make test", started: 0));

        var line = Assert.Single(lines);
        Assert.Equal((ProgressLineKind.StepStarted, "[test 2/3] RUN make test — started"), (line.Kind, line.Text));
    }

    [Fact]
    public void A_bake_step_names_its_stage_once_and_no_target_twice()
    {
        var progress = new BuildProgress(["test", "final"], clock: new ManualClock());

        var lines = Feed(progress,
            RawJson.Vertex(Make, "[test test 2/3] RUN make test", started: 0),
            RawJson.Vertex("sha256:b", "[final builder 2/2] RUN make", started: 0));

        Assert.Equal(["[test 2/3] RUN make test — started", "[builder 2/2] RUN make — started"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_running_step_says_it_is_still_running_every_ten_seconds_and_not_sooner()
    {
        var clock = new ManualClock();
        var progress = new BuildProgress(clock: clock);
        Feed(progress, RawJson.Vertex(Make, "[test 2/3] RUN make test", started: 0));

        var beats = new List<string>();
        foreach (var seconds in new[] { 9, 1, 5, 4, 1 })
        {
            clock.Advance(TimeSpan.FromSeconds(seconds));
            beats.AddRange(progress.Heartbeat().Select(l => l.Text));
        }

        Assert.Equal(["[test 2/3] RUN make test — still running (10s)", "[test 2/3] RUN make test — still running (20s)"], beats);
    }

    [Fact]
    public void A_step_that_completed_gets_no_heartbeat()
    {
        var clock = new ManualClock();
        var progress = new BuildProgress(clock: clock);
        Feed(progress, RawJson.Vertex(Make, "[test 2/3] RUN make test", started: 0));
        clock.Advance(TimeSpan.FromSeconds(5));
        var lines = Feed(progress, RawJson.Vertex(Make, "[test 2/3] RUN make test", started: 0, completed: 5));

        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(progress.Heartbeat());
        Assert.Equal(["[test 2/3] RUN make test — 5.0s"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Cached_and_internal_steps_are_neither_announced_nor_kept_alive()
    {
        var clock = new ManualClock();
        var progress = new BuildProgress(clock: clock);

        var lines = Feed(progress,
            RawJson.Vertex("sha256:cached", "[builder 2/2] RUN make", started: 0, cached: true),
            RawJson.Vertex("sha256:load", "[internal] load build definition from Dockerfile", started: 0));
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(lines);
        Assert.Empty(progress.Heartbeat());
    }

    [Fact]
    public void A_failed_step_says_the_command_exited_instead_of_repeating_the_instruction()
    {
        var progress = new BuildProgress(clock: new ManualClock());

        var lines = Feed(progress,
            RawJson.Vertex(Make, "[test 2/3] RUN make test", started: 0),
            RawJson.Vertex(Make, "[test 2/3] RUN make test", started: 0, completed: 2,
                error: "process \"/bin/sh -c make test\" did not complete successfully: exit code: 2"));

        Assert.Equal("[test 2/3] RUN make test — failed: the command exited with code 2",
            Assert.Single(lines, l => l.Kind == ProgressLineKind.StepFailed).Text);
        Assert.Equal("the command exited with code 2", Assert.Single(progress.Steps, s => s.Failed).Error);
    }

    [Theory]
    [InlineData("executor failed running [/bin/sh -c make test]: exit code: 1", "the command exited with code 1")]
    [InlineData("process \"/bin/sh -c echo \\\"a]: b\\\"\" did not complete successfully: exit code: 127", "the command exited with code 127")]
    [InlineData("failed to compute cache key: \"/missing.txt\" not found", "failed to compute cache key: \"/missing.txt\" not found")]
    public void A_step_error_is_put_in_plain_words_only_where_BuildKit_repeats_the_command(string error, string plain) =>
        Assert.Equal(plain, StepError.Plain(error));
}
