using System.Diagnostics;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Processes;

namespace StageGate.Buildx;

/// <summary>
/// Runs <c>docker buildx build</c> or <c>bake</c> with <c>--progress=rawjson</c>, streaming human progress
/// lines to the caller as steps start, run on and finish, and returns the parsed steps.
/// </summary>
internal static class BuildxRunner
{
    // How often running steps are checked for a heartbeat; each step still says so at most every 10 s.
    private static readonly TimeSpan HeartbeatCheckInterval = TimeSpan.FromSeconds(1);

    public static async Task<BuildRun> RunAsync(
        string docker,
        IReadOnlyList<string> arguments,
        IReadOnlyList<string>? bakeTargets,
        string workingDirectory,
        IReadOnlyList<string> secrets,
        IProgress<GateProgress>? progress,
        CancellationToken cancellationToken,
        TimeProvider? clock = null,
        string? metadataFile = null)
    {
        // The clock drives the heartbeats of long steps; tests pass one they move by hand.
        clock ??= TimeProvider.System;
        var build = new BuildProgress(bakeTargets, clock: clock);
        // Build output arrives base64-encoded inside the progress JSON, so it is masked after decoding.
        var redactor = new Redactor(secrets);
        var gate = new object();
        void Report(IReadOnlyList<ProgressLine> lines)
        {
            foreach (var line in lines)
            {
                var level = line.Kind switch
                {
                    ProgressLineKind.StepStarted or ProgressLineKind.StepRunning or ProgressLineKind.StepCompleted
                        or ProgressLineKind.StepCached or ProgressLineKind.StepFailed or ProgressLineKind.Warning => GateProgressLevel.Step,
                    _ => GateProgressLevel.Detail,
                };
                progress?.Report(new GateProgress(level, redactor.Redact(line.Text)));
            }
        }

        var command = secrets.Aggregate(
            new ProcessCommand(docker).WithArguments(arguments).WithWorkingDirectory(workingDirectory),
            (c, secret) => c.WithSecret(secret));
        progress?.Report(new GateProgress(GateProgressLevel.Detail, "> " + command.ToDisplayString()));
        var started = Stopwatch.GetTimestamp();
        ProcessResult result;
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(clock, () =>
        {
            lock (gate)
            {
                Report(build.Heartbeat());
            }
        }, stopHeartbeat.Token);
        try
        {
            result = await ProcessRunner.RunAsync(
                command,
                OutputTarget.ToLines(line => progress?.Report(new GateProgress(GateProgressLevel.Detail, line))),
                // Chunks, not lines: a progress record carrying a step's output can be one line of many megabytes, and a
                // line cut to a length would cut the record and lose the step's last lines.
                OutputTarget.ToChunks(chunk =>
                {
                    // stderr arrives on one reader, but the lock keeps the parser safe whatever the runner does.
                    lock (gate)
                    {
                        Report(build.Read(chunk));
                    }
                }),
                cancellationToken);
        }
        catch (ProcessNotStartedException ex)
        {
            throw DockerProbe.DockerNotFound(ex);
        }
        finally
        {
            // Awaited, not just cancelled: nothing may be reported after the run returns (MSBuild forbids logging
            // once a task has ended), and a tick already under way finishes first.
            await stopHeartbeat.CancelAsync();
            await heartbeat;
        }

        // Read even after a failure: buildx build writes it for the target it built.
        var metadata = metadataFile is null ? BuildMetadata.None
            : await BuildMetadata.ReadAsync(metadataFile, bake: bakeTargets is not null, cancellationToken);
        lock (gate)
        {
            Report(build.Complete());
            return new BuildRun(
                result.ExitCode,
                build.Steps.Select(step => step with
                {
                    Error = step.Error is null ? null : redactor.Redact(step.Error),
                    LogTail = step.LogTail.Select(l => l with { Text = redactor.Redact(l.Text) }).ToList(),
                }).ToList(),
                build.TextLines.Select(redactor.Redact).ToList(),
                build.SolveError is null ? null : redactor.Redact(build.SolveError),
                Stopwatch.GetElapsedTime(started))
            {
                Metadata = metadata,
            };
        }
    }

    private static async Task HeartbeatAsync(TimeProvider clock, Action beat, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(HeartbeatCheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                beat();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended; so do its heartbeats.
        }
    }
}
