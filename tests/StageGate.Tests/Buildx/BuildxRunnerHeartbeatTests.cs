using StageGate.Buildx;
using StageGate.Gates;
using StageGate.Tests.Processes;

namespace StageGate.Tests.Buildx;

/// <summary>
/// Heartbeats come from a timer, so they must stop with the run: MSBuild forbids logging after a task ends.
/// A dummy program plays buildx: it reports a step started, then waits for the test's go.
/// </summary>
public sealed class BuildxRunnerHeartbeatTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _go = Path.Combine(Path.GetTempPath(), $"stagegate-go-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_go);

    private Task<BuildRun> StartBuild(ManualClock clock, RecordingProgress progress, CancellationToken cancellationToken)
    {
        var record = RawJson.Vertex("sha256:make", "[test 2/3] RUN make test", started: 0).ReplaceLineEndings(" ");
        var dummy = TestDummy.Command("echo-error-line", record, "wait-for-file", _go);
        return BuildxRunner.RunAsync(dummy.FileName, dummy.Arguments, null, Environment.CurrentDirectory, [], progress, cancellationToken, clock);
    }

    [Fact]
    public async Task A_long_step_is_announced_then_kept_alive_and_the_heartbeat_stops_when_the_run_returns()
    {
        var clock = new ManualClock();
        var progress = new RecordingProgress();
        var run = StartBuild(clock, progress, CancellationToken.None);
        await progress.WaitFor("[test 2/3] RUN make test — started", Patience);

        clock.Advance(TimeSpan.FromSeconds(10));
        await progress.WaitFor("[test 2/3] RUN make test — still running (10s)", Patience);
        await File.WriteAllTextAsync(_go, "");
        await run.WaitAsync(Patience);
        var reportedByTheEnd = progress.Count;
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(0, clock.ActiveTimers);
        Assert.Equal(reportedByTheEnd, progress.Count);
        Assert.All(progress.Lines.Where(l => l.Message.StartsWith("[test 2/3]", StringComparison.Ordinal)),
            l => Assert.Equal(GateProgressLevel.Step, l.Level));
    }

    [Fact]
    public async Task A_cancelled_run_leaves_no_heartbeat_behind()
    {
        var clock = new ManualClock();
        var progress = new RecordingProgress();
        using var cancel = new CancellationTokenSource();
        var run = StartBuild(clock, progress, cancel.Token);
        await progress.WaitFor("[test 2/3] RUN make test — started", Patience);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));
        var reportedByTheEnd = progress.Count;
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(0, clock.ActiveTimers);
        Assert.Equal(reportedByTheEnd, progress.Count);
    }

    /// <summary>Records progress synchronously, as the MSBuild and Cake hosts receive it.</summary>
    private sealed class RecordingProgress : IProgress<GateProgress>
    {
        private readonly List<GateProgress> _lines = [];

        public int Count
        {
            get
            {
                lock (_lines)
                {
                    return _lines.Count;
                }
            }
        }

        public IReadOnlyList<GateProgress> Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToList();
                }
            }
        }

        public void Report(GateProgress value)
        {
            lock (_lines)
            {
                _lines.Add(value);
            }
        }

        public async Task WaitFor(string message, TimeSpan patience)
        {
            using var giveUp = new CancellationTokenSource(patience);
            while (!Lines.Any(l => l.Message == message))
            {
                await Task.Delay(20, giveUp.Token);
            }
        }
    }
}
