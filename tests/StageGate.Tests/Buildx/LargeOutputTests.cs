using System.Text;
using StageGate.Buildx;
using StageGate.Gates;
using StageGate.Tests.Processes;

namespace StageGate.Tests.Buildx;

/// <summary>
/// A failing step that prints a lot must still be reported with its step, its instruction and its last lines,
/// in bounded memory, and without raw progress JSON reaching the user. The streams are synthesized in the shape of
/// the captured fixtures and generated lazily: the large ones are never held in memory by the test.
/// </summary>
public sealed class LargeOutputTests : IDisposable
{
    private const string From = "sha256:from";
    private const string Make = "sha256:make";
    private const string Failure = "FAIL: expected 3, got 4";
    private const string LastLine = "LAST-LINE";

    // A multiple of 3, so that every block but the last encodes to base64 without padding.
    private const int BlockBytes = 48 * 1024;

    private readonly string _stream = Path.Combine(Path.GetTempPath(), $"stagegate-stream-{Guid.NewGuid():N}.rawjson");

    public void Dispose() => File.Delete(_stream);

    [Fact]
    public async Task A_failing_step_that_printed_300_kB_in_one_record_keeps_its_step_and_last_lines()
    {
        var run = await RunThroughBuildx(FailingRun(OneRecord(OutputLines(300_000))));

        var tail = AssertFailureSurvived(run.Run.Steps, run.Run.TextLines, run.Progress.Select(p => p.Message));
        Assert.Equal(BuildProgress.DefaultLogTailLines, tail.Count);
    }

    [Fact]
    public async Task A_failing_step_that_printed_one_10_MB_line_keeps_its_start_marked_as_cut_and_the_lines_after_it()
    {
        var run = await RunThroughBuildx(FailingRun(OneRecord(OneLongLine(10_000_000))));

        var tail = AssertFailureSurvived(run.Run.Steps, run.Run.TextLines, run.Progress.Select(p => p.Message));
        Assert.Equal(new string('x', LogLineAssembler.MaxLineLength) + LogLineAssembler.CutMark, tail[^3]);
    }

    [Fact]
    public void A_failing_step_that_printed_200_MB_in_many_records_keeps_its_last_lines_in_little_memory()
    {
        var (steps, textLines, printed, peak) = Follow(FailingRun(ManyRecords(OutputLines(200_000_000))));

        AssertFailureSurvived(steps, textLines, printed);
        Assert.InRange(peak, 0, 32L * 1024 * 1024);
    }

    [Fact]
    public void A_failing_step_that_printed_200_MB_in_one_record_keeps_its_last_lines_within_the_record_limit()
    {
        var (steps, textLines, printed, peak) = Follow(FailingRun(OneRecord(OutputLines(200_000_000))));

        var tail = AssertFailureSurvived(steps, textLines, printed);
        Assert.All(tail.SkipLast(2), l => Assert.StartsWith("output line", l.TrimStart('…'), StringComparison.Ordinal));
        // The record limit, its copy as decoded bytes, and slack; the whole record would be 266 MB of text.
        Assert.InRange(peak, 0, RawJsonProgressReader.DefaultMaxRecordBytes * 2L);
    }

    /// <summary>Asserts what the user must see of the failure, and that nothing raw was shown; returns the tail.</summary>
    private static List<string> AssertFailureSurvived(IEnumerable<BuildStep> steps, IEnumerable<string> textLines, IEnumerable<string> printed)
    {
        var failed = Assert.Single(steps, s => s.Failed);
        Assert.Equal(("test", 2, 3, "RUN make test"), (failed.Stage, failed.StepNumber, failed.StepCount, failed.Instruction));
        Assert.Equal("the command exited with code 1", failed.Error);
        var tail = failed.LogTail.Select(l => l.Text).ToList();
        Assert.InRange(tail.Count, 2, BuildProgress.DefaultLogTailLines);
        Assert.Equal([Failure, LastLine], tail[^2..]);
        Assert.All(tail, l => Assert.InRange(l.Length, 1, LogLineAssembler.MaxLineLength + 2));

        Assert.Equal(["ERROR: failed to solve: process \"/bin/sh -c make test\" did not complete successfully: exit code: 1"], textLines);
        Assert.All(printed, line =>
        {
            Assert.DoesNotContain("\"data\"", line, StringComparison.Ordinal);
            Assert.DoesNotContain("\"vertex", line, StringComparison.Ordinal);
            Assert.False(line.StartsWith('{'), $"raw JSON printed: {line[..Math.Min(80, line.Length)]}");
        });
        return tail;
    }

    /// <summary>Plays the stream as buildx's stderr through the process runner, as a gate run reads it.</summary>
    private async Task<(BuildRun Run, List<GateProgress> Progress)> RunThroughBuildx(IEnumerable<string> stream)
    {
        await using (var file = new StreamWriter(_stream, append: false, new UTF8Encoding(false)))
        {
            foreach (var piece in stream)
            {
                await file.WriteAsync(piece);
            }
        }
        var progress = new List<GateProgress>();
        var dummy = TestDummy.Command("stderr-file", _stream);
        var run = await BuildxRunner.RunAsync(dummy.FileName, dummy.Arguments, null, Environment.CurrentDirectory, [],
            new SynchronousProgress(progress), CancellationToken.None, new ManualClock());
        return (run, progress.Where(p => !p.Message.StartsWith("> ", StringComparison.Ordinal)).ToList());
    }

    /// <summary>Feeds the stream straight to the parser, measuring the most memory held while it reads.</summary>
    private static (IReadOnlyList<BuildStep> Steps, IReadOnlyList<string> TextLines, List<string> Printed, long PeakBytes) Follow(IEnumerable<string> stream)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var progress = new BuildProgress(clock: new ManualClock());
        var printed = new List<string>();
        var sinceMeasured = 0L;
        foreach (var piece in stream)
        {
            Print(progress.Read(piece));
            sinceMeasured += piece.Length;
            if (sinceMeasured > 16_000_000)
            {
                sinceMeasured = 0;
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }
        Print(progress.Complete());
        return (progress.Steps, progress.TextLines, printed, peak);

        // Output lines are only counted: keeping 2 million of them would measure the test, not the parser.
        void Print(IReadOnlyList<ProgressLine> lines) =>
            printed.AddRange(lines.Where(l => l.Kind != ProgressLineKind.StepOutput || l.Text.Contains('{', StringComparison.Ordinal)).Select(l => l.Text));
    }

    private static IEnumerable<string> FailingRun(IEnumerable<string> logRecords)
    {
        yield return RawJson.Vertex(From, "[test 1/3] FROM docker.io/library/busybox", started: 0, completed: 0.1);
        yield return RawJson.Vertex(Make, "[test 2/3] RUN make test", started: 0.1);
        foreach (var record in logRecords)
        {
            yield return record;
        }
        yield return RawJson.Vertex(Make, "[test 2/3] RUN make test", started: 0.1, completed: 9,
            error: "process \"/bin/sh -c make test\" did not complete successfully: exit code: 1");
        yield return "ERROR: failed to solve: process \"/bin/sh -c make test\" did not complete successfully: exit code: 1\n";
    }

    /// <summary>About <paramref name="bytes"/> of numbered 100-byte lines, then the failure and the last line.</summary>
    private static IEnumerable<string> OutputLines(long bytes)
    {
        for (long written = 0, n = 1; written < bytes; written += 100, n++)
        {
            yield return $"output line {n:D12} ".PadRight(99, '.') + "\n";
        }
        yield return Failure + "\n";
        yield return LastLine + "\n";
    }

    private static IEnumerable<string> OneLongLine(long bytes)
    {
        var piece = new string('x', 1000);
        for (long written = 0; written < bytes; written += piece.Length)
        {
            yield return piece;
        }
        yield return "\n" + Failure + "\n" + LastLine + "\n";
    }

    /// <summary>All output in one log record: a single JSON line of base64, as long as the output needs.</summary>
    private static IEnumerable<string> OneRecord(IEnumerable<string> output)
    {
        yield return RawJson.LogStart(Make);
        foreach (var block in Base64Blocks(output))
        {
            yield return block;
        }
        yield return RawJson.LogEnd();
    }

    private static IEnumerable<string> ManyRecords(IEnumerable<string> output) =>
        Base64Blocks(output).Select(block => RawJson.LogStart(Make) + block + RawJson.LogEnd());

    private static IEnumerable<string> Base64Blocks(IEnumerable<string> output)
    {
        var buffer = new byte[BlockBytes * 2];
        var length = 0;
        foreach (var piece in output)
        {
            length += Encoding.UTF8.GetBytes(piece, buffer.AsSpan(length));
            if (length >= BlockBytes)
            {
                yield return Convert.ToBase64String(buffer, 0, BlockBytes);
                buffer.AsSpan(BlockBytes, length - BlockBytes).CopyTo(buffer);
                length -= BlockBytes;
            }
        }
        if (length > 0)
        {
            yield return Convert.ToBase64String(buffer, 0, length);
        }
    }

    private sealed class SynchronousProgress(List<GateProgress> lines) : IProgress<GateProgress>
    {
        public void Report(GateProgress value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
