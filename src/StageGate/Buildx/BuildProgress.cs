using System.Globalization;
using System.Text;

namespace StageGate.Buildx;

/// <summary>
/// Follows one <c>docker buildx build|bake --progress=rawjson</c> run: feed it stderr as it arrives; it returns the
/// lines worth logging at that moment and keeps every step's state for the verdict afterwards.
/// </summary>
internal sealed class BuildProgress
{
    /// <summary>How many output lines each step keeps when no other number is given.</summary>
    public const int DefaultLogTailLines = 20;

    /// <summary>A running step is reported again after this long without news of it.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);

    private readonly RawJsonProgressReader _reader;
    private readonly Dictionary<string, VertexState> _vertices = new(StringComparer.Ordinal);
    private readonly List<VertexState> _order = [];
    private readonly List<string> _textLines = [];
    private readonly List<string> _warnings = [];
    private readonly IReadOnlySet<string>? _bakeTargets;
    private readonly int _logTailLines;
    private readonly TimeProvider _clock;

    /// <param name="bakeTargets">The targets, when this is a bake of more than one (buildx then prefixes step names with the target).</param>
    /// <param name="logTailLines">How many output lines each step keeps.</param>
    /// <param name="clock">Times the heartbeats; BuildKit's own timestamps come from the daemon's clock, not ours.</param>
    /// <param name="maxRecordBytes">The most of one progress record held in memory (see <see cref="RawJsonProgressReader"/>).</param>
    public BuildProgress(
        IEnumerable<string>? bakeTargets = null,
        int logTailLines = DefaultLogTailLines,
        TimeProvider? clock = null,
        int maxRecordBytes = RawJsonProgressReader.DefaultMaxRecordBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logTailLines);
        _reader = new RawJsonProgressReader(maxRecordBytes);
        _bakeTargets = bakeTargets?.ToHashSet(StringComparer.Ordinal);
        _logTailLines = logTailLines;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Every step in the order it first appeared, internal ones included.</summary>
    public IReadOnlyList<BuildStep> Steps => _order.Select(v => v.ToStep()).ToList();

    /// <summary>Lines buildx printed outside the JSON objects.</summary>
    public IReadOnlyList<string> TextLines => _textLines.ToList();

    /// <summary>The <c>ERROR: …</c> line buildx prints when the build failed, without the prefix; null when there is none.</summary>
    public string? SolveError => _textLines
        .Where(l => l.StartsWith("ERROR: ", StringComparison.Ordinal))
        .Select(l => l["ERROR: ".Length..])
        .FirstOrDefault();

    /// <summary>Build warnings BuildKit reported.</summary>
    public IReadOnlyList<string> Warnings => _warnings.ToList();

    /// <summary>Reads one stderr line (without its line break).</summary>
    public IReadOnlyList<ProgressLine> ReadLine(string line) => Apply(_reader.ReadLine(line));

    /// <summary>Reads a chunk of stderr of any size.</summary>
    public IReadOnlyList<ProgressLine> Read(ReadOnlySpan<char> chunk) => Apply(_reader.Read(chunk));

    /// <summary>
    /// A <see cref="ProgressLineKind.StepRunning"/> line for every step that has run for
    /// <see cref="HeartbeatInterval"/> since it started or was last reported; call it as often as you like.
    /// </summary>
    public IReadOnlyList<ProgressLine> Heartbeat()
    {
        var lines = new List<ProgressLine>();
        foreach (var vertex in _order)
        {
            if (vertex.Heartbeat() is { } line)
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    /// <summary>Ends the stream: what was left unfinished is read as text, and held-back partial output lines are kept.</summary>
    public IReadOnlyList<ProgressLine> Complete()
    {
        var lines = Apply(_reader.Complete()).ToList();
        foreach (var vertex in _order)
        {
            lines.AddRange(vertex.FlushOutput());
        }
        return lines;
    }

    private List<ProgressLine> Apply(IReadOnlyList<RawJsonItem> items)
    {
        var lines = new List<ProgressLine>();
        foreach (var item in items)
        {
            switch (item)
            {
                case SolveStatusItem status:
                    Apply(status.Status, status.LogStartCut, lines);
                    break;
                case TextLineItem text:
                    _textLines.Add(text.Text);
                    lines.Add(new ProgressLine(ProgressLineKind.Text, text.Text));
                    break;
            }
        }
        return lines;
    }

    private void Apply(SolveStatus status, bool logStartCut, List<ProgressLine> lines)
    {
        // Only a string past the record limit is cut, and log data is the only string that grows so long.
        var cutLog = logStartCut ? status.Logs?.MaxBy(l => l.Data?.Length ?? 0) : null;
        foreach (var vertex in status.Vertexes ?? [])
        {
            if (!string.IsNullOrEmpty(vertex.Digest))
            {
                lines.AddRange(Vertex(vertex.Digest).Update(vertex));
            }
        }
        foreach (var log in status.Logs ?? [])
        {
            if (!string.IsNullOrEmpty(log.Vertex) && log.Data is { Length: > 0 } data)
            {
                lines.AddRange(Vertex(log.Vertex).AddOutput((BuildLogStream)log.Stream, data, ReferenceEquals(log, cutLog)));
            }
        }
        foreach (var warning in status.Warnings ?? [])
        {
            var message = warning.Short is { Length: > 0 } text ? Encoding.UTF8.GetString(text).Trim() : "(no message)";
            var line = "WARNING: " + message + (string.IsNullOrEmpty(warning.Url) ? "" : $" ({warning.Url})");
            _warnings.Add(line);
            var step = warning.Vertex is { } digest && _vertices.TryGetValue(digest, out var state) ? state.ToStep() : null;
            lines.Add(new ProgressLine(ProgressLineKind.Warning, line, step));
        }
    }

    private VertexState Vertex(string digest)
    {
        if (!_vertices.TryGetValue(digest, out var state))
        {
            state = new VertexState(digest, _order.Count + 1, _bakeTargets, _logTailLines, _clock);
            _vertices.Add(digest, state);
            _order.Add(state);
        }
        return state;
    }

    /// <summary>Everything known about one vertex; BuildKit resends the whole vertex on every change.</summary>
    private sealed class VertexState(string digest, int number, IReadOnlySet<string>? bakeTargets, int logTailLines, TimeProvider clock)
    {
        private readonly List<string> _targets = [];
        private readonly List<(DateTimeOffset Start, DateTimeOffset? End)> _runs = [];
        private readonly Queue<BuildLogLine> _tail = new();
        private readonly Dictionary<BuildLogStream, LogLineAssembler> _streams = [];
        private string _name = "";
        private VertexName _parts = VertexName.Parse("");
        private bool _cached;
        private string? _error;
        private string? _rawError;
        private bool _reportedDone;
        private bool _reportedError;
        private bool _reportedStart;

        // Our clock's timestamps while the step runs: when we saw it start, and when we last said so.
        private long? _runningSince;
        private long _lastReported;

        public List<ProgressLine> Update(SolveVertex vertex)
        {
            var lines = new List<ProgressLine>();
            if (!string.IsNullOrEmpty(vertex.Name))
            {
                var parts = VertexName.Parse(vertex.Name, bakeTargets);
                if (_name.Length == 0)
                {
                    (_name, _parts) = (vertex.Name, parts);
                }
                if (parts.Target is { } target && !_targets.Contains(target))
                {
                    _targets.Add(target);
                }
            }
            _cached |= vertex.Cached;
            if (!string.IsNullOrEmpty(vertex.Error))
            {
                (_error, _rawError) = (StepError.Plain(vertex.Error), vertex.Error);
            }
            if (vertex.Started is { } started)
            {
                var run = _runs.FindIndex(r => r.Start == started);
                if (run < 0)
                {
                    _runs.Add((started, vertex.Completed));
                }
                else if (vertex.Completed is not null)
                {
                    _runs[run] = (started, vertex.Completed);
                }
            }

            if (vertex.Completed is null)
            {
                if (vertex.Started is not null && !_cached && _error is null && !_parts.IsInternal && !_reportedStart)
                {
                    _reportedStart = true;
                    _runningSince = _lastReported = clock.GetTimestamp();
                    var running = ToStep();
                    lines.Add(new ProgressLine(ProgressLineKind.StepStarted, $"{running.DisplayName} — started", running));
                }
                return lines;
            }
            _runningSince = null;
            lines.AddRange(FlushOutput());
            var step = ToStep();
            if (step.Failed && !_reportedError)
            {
                _reportedError = _reportedDone = true;
                lines.Add(new ProgressLine(ProgressLineKind.StepFailed, $"{step.DisplayName} — failed: {_error}", step));
            }
            else if (!_reportedDone)
            {
                _reportedDone = true;
                if (step.Cancelled)
                {
                    lines.Add(new ProgressLine(ProgressLineKind.StepCancelled, $"{step.DisplayName} — cancelled", step));
                }
                else if (!step.IsInternal)
                {
                    lines.Add(step.Cached
                        ? new ProgressLine(ProgressLineKind.StepCached, $"{step.DisplayName} — cached", step)
                        : new ProgressLine(ProgressLineKind.StepCompleted, $"{step.DisplayName} — {Seconds(step.Duration)}", step));
                }
            }
            return lines;
        }

        public ProgressLine? Heartbeat()
        {
            if (_runningSince is not { } since || _cached || _error is not null
                || clock.GetElapsedTime(_lastReported) < HeartbeatInterval)
            {
                return null;
            }
            _lastReported = clock.GetTimestamp();
            var step = ToStep();
            var seconds = (long)clock.GetElapsedTime(since).TotalSeconds;
            return new ProgressLine(ProgressLineKind.StepRunning,
                $"{step.DisplayName} — still running ({seconds.ToString(CultureInfo.InvariantCulture)}s)", step);
        }

        /// <summary>Adds output; <paramref name="afterGap"/> says the front of it was dropped (a record past its limit).</summary>
        public List<ProgressLine> AddOutput(BuildLogStream stream, byte[] data, bool afterGap)
        {
            var lines = new List<ProgressLine>();
            // Output of another stream that ended mid-line comes first, to keep the order it was printed in.
            foreach (var other in _streams.Keys.Where(s => s != stream).ToList())
            {
                FlushStream(other, lines);
            }
            if (!_streams.TryGetValue(stream, out var assembler))
            {
                assembler = new LogLineAssembler();
                _streams.Add(stream, assembler);
            }
            var texts = new List<string>();
            if (afterGap)
            {
                assembler.Gap(texts);
            }
            assembler.Write(data, texts);
            AddLines(stream, texts, lines);
            return lines;
        }

        public List<ProgressLine> FlushOutput()
        {
            var lines = new List<ProgressLine>();
            foreach (var stream in _streams.Keys.ToList())
            {
                FlushStream(stream, lines);
            }
            return lines;
        }

        private void FlushStream(BuildLogStream stream, List<ProgressLine> lines)
        {
            var texts = new List<string>();
            _streams[stream].Flush(texts);
            AddLines(stream, texts, lines);
        }

        private void AddLines(BuildLogStream stream, List<string> texts, List<ProgressLine> lines)
        {
            foreach (var text in texts)
            {
                if (logTailLines > 0)
                {
                    _tail.Enqueue(new BuildLogLine(stream, text));
                    while (_tail.Count > logTailLines)
                    {
                        _tail.Dequeue();
                    }
                }
                lines.Add(new ProgressLine(ProgressLineKind.StepOutput, $"#{number} {text}", null));
            }
        }

        public BuildStep ToStep()
        {
            var completedRuns = _runs.Where(r => r.End is not null).ToList();
            var running = _runs.Any(r => r.End is null);
            return new BuildStep
            {
                Digest = digest,
                Number = number,
                Name = _name,
                Target = _targets.FirstOrDefault(),
                Targets = _targets.ToList(),
                Platform = _parts.Platform,
                Stage = _parts.Stage,
                StepNumber = _parts.StepNumber,
                StepCount = _parts.StepCount,
                Instruction = _parts.Instruction,
                Cached = _cached,
                Started = _runs.Count == 0 ? null : _runs.Min(r => r.Start),
                Completed = running || completedRuns.Count == 0 ? null : completedRuns.Max(r => r.End),
                Duration = completedRuns.Count == 0 ? null : Busy(completedRuns),
                Error = _error,
                FailureKind = _rawError is null ? null : StepError.Classify(_rawError, _parts.IsInternal, _parts.StepNumber),
                LogTail = _tail.ToList(),
            };
        }

        /// <summary>The time covered by the runs, overlapping runs counted once.</summary>
        private static TimeSpan Busy(List<(DateTimeOffset Start, DateTimeOffset? End)> runs)
        {
            var total = TimeSpan.Zero;
            DateTimeOffset? coveredUntil = null;
            foreach (var (start, end) in runs.OrderBy(r => r.Start))
            {
                var from = coveredUntil is { } covered && covered > start ? covered : start;
                if (end!.Value > from)
                {
                    total += end.Value - from;
                    coveredUntil = end;
                }
            }
            return total;
        }

        private static string Seconds(TimeSpan? duration) =>
            (duration ?? TimeSpan.Zero).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
    }
}
