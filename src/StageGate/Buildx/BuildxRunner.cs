using System.Diagnostics;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Processes;

namespace StageGate.Buildx;

/// <summary>
/// Runs <c>docker buildx build</c> or <c>bake</c> with <c>--progress=rawjson</c>, streaming human progress
/// lines to the caller as steps finish, and returns the parsed steps.
/// </summary>
internal static class BuildxRunner
{
    public static async Task<BuildRun> RunAsync(
        string docker,
        IReadOnlyList<string> arguments,
        IReadOnlyList<string>? bakeTargets,
        string workingDirectory,
        IReadOnlyList<string> secrets,
        IProgress<GateProgress>? progress,
        CancellationToken cancellationToken)
    {
        var build = new BuildProgress(bakeTargets);
        // Build output arrives base64-encoded inside the progress JSON, so it is masked after decoding.
        var redactor = new Redactor(secrets);
        var gate = new object();
        void Report(IReadOnlyList<ProgressLine> lines)
        {
            foreach (var line in lines)
            {
                var level = line.Kind switch
                {
                    ProgressLineKind.StepCompleted or ProgressLineKind.StepCached or ProgressLineKind.StepFailed
                        or ProgressLineKind.Warning => GateProgressLevel.Step,
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
        try
        {
            result = await ProcessRunner.RunAsync(
                command,
                OutputTarget.ToLines(line => progress?.Report(new GateProgress(GateProgressLevel.Detail, line))),
                OutputTarget.ToLines(line =>
                {
                    // stderr lines arrive on one reader, but the lock keeps the parser safe whatever the runner does.
                    lock (gate)
                    {
                        Report(build.ReadLine(line));
                    }
                }),
                cancellationToken);
        }
        catch (ProcessNotStartedException ex)
        {
            throw new StageGateException(Codes.DockerNotFound.Create($"Could not start '{docker}': {ex.Message}"), ex);
        }

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
                Stopwatch.GetElapsedTime(started));
        }
    }
}
