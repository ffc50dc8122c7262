using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using StageGate.Context;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.MSBuild;

/// <summary>
/// Runs the gates of one Dockerfile from MSBuild: the project's settings go to the core pipeline,
/// its diagnostics come back as coded errors and warnings, and an unchanged, already passing run is skipped.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "MSBuild never disposes tasks; the source holds no timer or handle.")]
public sealed partial class CheckStageGates : Microsoft.Build.Utilities.Task, ICancelableTask
{
    internal const string SkippedMessage = "StageGate: inputs unchanged since the last passing run; skipped";

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>Ctrl-C in the build: the core stops buildx gracefully and the task returns.</summary>
    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        // The one bridge from MSBuild's synchronous Execute to the core's async pipeline.
        return System.Threading.Tasks.Task.Run(() => ExecuteAsync(_cancellation.Token)).GetAwaiter().GetResult();
    }

    private async Task<bool> ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var options = Settings().ToGateOptions();
            var fingerprint = Gate.InputsFingerprint(options, cancellationToken);
            if (PassedStamp.Read(StampFile) is { } stamp && stamp.Covers(fingerprint))
            {
                Log.LogMessage(MessageImportance.Normal, SkippedMessage);
                SetOutputs(stamp);
                return true;
            }
            PassedStamp.Delete(StampFile, Note);

            GateResult result;
            using (var progress = new LogProgress(Log))
            {
                result = await Gate.CheckAsync(options, progress, cancellationToken).ConfigureAwait(false);
            }
            foreach (var diagnostic in result.Diagnostics)
            {
                Report(diagnostic);
            }
            Log.LogMessage(MessageImportance.High, RunSummary.For(result));
            ExplainWhenTheStampIsInTheContext(result);

            var passed = new PassedStamp(
                fingerprint,
                result.FinalImage?.ImageId,
                result.FinalImage?.Digest,
                result.FinalImage?.SizeBytes?.ToString(CultureInfo.InvariantCulture),
                result.ReportPath);
            SetOutputs(passed);
            // Warnings promoted to errors count too: only a clean pass may skip the next run.
            if (result.Passed && !Log.HasLoggedErrors)
            {
                await passed.WriteAsync(StampFile, Note, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StageGateException e)
        {
            Report(e.Diagnostic);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Report(Codes.Cancelled.Create("The build was cancelled; buildx was stopped."));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A coded error, not MSBuild's "task failed unexpectedly" with a stack trace.
            Report(Codes.Unexpected.Create($"{e.GetType().Name}: {e.Message}"));
        }
        if (Log.HasLoggedErrors)
        {
            PassedStamp.Delete(StampFile, Note);
        }
        return !Log.HasLoggedErrors;
    }

    // The stamp and report change after every run; a context that sends obj/ would never look unchanged.
    private void ExplainWhenTheStampIsInTheContext(GateResult result)
    {
        var relative = Path.GetRelativePath(result.Context, Path.GetFullPath(StampFile)).Replace('\\', '/');
        if (!relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
            && !DockerIgnore.ForBuild(result.Context, result.Dockerfile).IsExcluded(relative))
        {
            Log.LogMessage(MessageImportance.Normal,
                $"StageGate: the build context sends {Path.GetDirectoryName(relative)}/, which changes on every run, so the next build runs the gates again; add bin/ and obj/ to .dockerignore to skip unchanged builds.");
        }
    }

    // The stamp only saves time: a problem with it is worth a detailed-verbosity line, never a warning.
    private void Note(string message) => Log.LogMessage(MessageImportance.Low, message);

    private void SetOutputs(PassedStamp run)
    {
        ImageId = run.ImageId;
        Digest = run.Digest;
        FinalSizeBytes = run.FinalSizeBytes;
        ReportPath = run.ReportPath ?? ReportPath;
    }

    private void Report(Diagnostic diagnostic)
    {
        var d = LoggedDiagnostic.From(diagnostic, ProjectFile, projectNamesTargets: TestTargets.Any(t => !string.IsNullOrWhiteSpace(t)) || !string.IsNullOrWhiteSpace(FinalTarget));
        switch (d.Severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
                break;
            case DiagnosticSeverity.Info when d.File.Length > 0:
                Log.LogMessage(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, MessageImportance.Normal, d.Message);
                break;
            default:
                // Without a file MSBuild would place it at the task in our .targets file, which helps nobody.
                Log.LogMessage(MessageImportance.Normal, $"{d.Code}: {d.Message}");
                break;
        }
    }

    /// <summary>
    /// Logs the pipeline's progress as it streams in; closed before Execute returns, because MSBuild
    /// forbids logging from a task that has finished.
    /// </summary>
    private sealed class LogProgress(TaskLoggingHelper log) : IProgress<GateProgress>, IDisposable
    {
        private readonly object _lock = new();
        private bool _closed;

        public void Report(GateProgress value)
        {
            // Steps at normal; the core's summary lines go low, because the task writes the run's one
            // summary line itself, at high importance, and a build log should carry it once.
            var importance = value.Level == GateProgressLevel.Step ? MessageImportance.Normal : MessageImportance.Low;
            lock (_lock)
            {
                if (!_closed)
                {
                    log.LogMessage(importance, value.Message);
                }
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _closed = true;
            }
        }
    }
}
