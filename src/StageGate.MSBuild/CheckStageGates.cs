using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using StageGate.Ci;
using StageGate.Context;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.MSBuild;

/// <summary>
/// Runs the gates of one Dockerfile from MSBuild: the project's StageGate properties and items go to the core
/// as they are, its diagnostics come back as coded errors and warnings, and an unchanged, passing run is skipped.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "MSBuild never disposes tasks; the source holds no timer or handle.")]
public sealed class CheckStageGates : Microsoft.Build.Utilities.Task, ICancelableTask
{
    internal const string SkippedMessage = "StageGate: inputs unchanged since the last passing run; skipped";

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The project file: relative paths start at its folder, and a diagnostic without a file points at it.</summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>Every StageGate property: Include = the property's name, metadata Value = its value.</summary>
    public ITaskItem[] Properties { get; set; } = [];

    /// <summary>Every StageGate item, with metadata StageGateItemType = its item type.</summary>
    public ITaskItem[] Items { get; set; } = [];

    /// <summary>Holds the fingerprint of the last passing run's inputs; written only after a clean pass.</summary>
    [Required]
    public string StampFile { get; set; } = "";

    /// <summary>The final image's ID, from this run or, when it was skipped, from the last passing run.</summary>
    [Output]
    public string? ImageId { get; private set; }

    /// <summary>The final image's repository digest, when it has one.</summary>
    [Output]
    public string? Digest { get; private set; }

    /// <summary>The final image's size in bytes, as text; empty when it could not be measured.</summary>
    [Output]
    public string? FinalSizeBytes { get; private set; }

    /// <summary>The JSON report this run wrote, when one was asked for.</summary>
    [Output]
    public string? ReportPath { get; private set; }

    /// <summary>Ctrl-C in the build: the core stops buildx gracefully and the task returns.</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <summary>Gates the image; false when an error was logged, a failed gate's included.</summary>
    // The one bridge from MSBuild's synchronous Execute to the core's async pipeline.
    public override bool Execute() => System.Threading.Tasks.Task.Run(() => ExecuteAsync(_cancellation.Token)).GetAwaiter().GetResult();

    private async Task<bool> ExecuteAsync(CancellationToken cancellationToken)
    {
        var host = new MSBuildHost(Log, CiSystem.Detect("auto", Environment.GetEnvironmentVariable));
        OptionValues values;
        try
        {
            values = MSBuildValues.From(
                ProjectFile,
                Properties.Select(p => (p.ItemSpec, p.GetMetadata("Value"))),
                Items.Select(i => (i.GetMetadata(MSBuildValues.ItemTypeMetadata), i.ItemSpec, Metadata(i))));
        }
        catch (StageGateException e)
        {
            host.Log(e.Diagnostic);
            return false;
        }

        string? fingerprint;
        try
        {
            fingerprint = HostedGate.InputsFingerprint(values, cancellationToken);
            if (fingerprint is not null && PassedStamp.Read(StampFile) is { } stamp && stamp.Covers(fingerprint)
                && await SkipAsync(values, stamp, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C while deciding whether to skip: the same coded error as a cancelled run, never MSBuild's stack trace.
            host.Log(Codes.Cancelled.Create("The build was cancelled before the gates ran."));
            return false;
        }
        PassedStamp.Delete(StampFile, Note);

        HostedRun<GateResult> run;
        using (host)
        {
            run = await HostedGate.CheckAsync(values, host, cancellationToken).ConfigureAwait(false);
        }
        // A Dockerfile's own build has nothing to gate: its log stays as it would be without the package.
        Log.LogMessage(run.Quiet ? MessageImportance.Low : MessageImportance.High, run.Summary);
        // The console logger indents a message, and the agent finds a logging command anywhere in a line.
        foreach (var command in run.CiCommands)
        {
            Log.LogMessage(MessageImportance.High, command);
        }
        if (run.Result is not { } result)
        {
            // No verdict, so no stamp; a run that only warned (no Docker outside CI) lets the build go on.
            return !Log.HasLoggedErrors;
        }
        ExplainWhenTheStampIsInTheContext(result);

        var passed = new PassedStamp(fingerprint ?? "", result.FinalImage?.ImageId, result.FinalImage?.Digest,
            result.FinalImage?.SizeBytes?.ToString(CultureInfo.InvariantCulture), result.ReportPath);
        SetOutputs(passed);
        // Warnings promoted to errors count too: only a clean pass may skip the next run.
        if (run.Passed && !Log.HasLoggedErrors && fingerprint is not null)
        {
            await passed.WriteAsync(StampFile, Note, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Skips a run whose inputs passed before, unless the image they built is gone (docker image rm, a prune).</summary>
    private async Task<bool> SkipAsync(OptionValues values, PassedStamp stamp, CancellationToken cancellationToken)
    {
        if (stamp.ImageId is { } imageId && await HostedGate.ImageExistsAsync(values, imageId, cancellationToken).ConfigureAwait(false))
        {
            Log.LogMessage(MessageImportance.Normal, SkippedMessage);
            SetOutputs(stamp);
            return true;
        }
        Log.LogMessage(MessageImportance.Normal, $"StageGate: inputs unchanged, but the image of the last passing run ({stamp.ImageId ?? "not measured"}) cannot be found; running the gates again");
        return false;
    }

    private void SetOutputs(PassedStamp run)
    {
        ImageId = run.ImageId;
        Digest = run.Digest;
        FinalSizeBytes = run.FinalSizeBytes;
        ReportPath = run.ReportPath;
    }

    private static IReadOnlyDictionary<string, string> Metadata(ITaskItem item) =>
        item.MetadataNames.Cast<string>()
            .Where(name => name != MSBuildValues.ItemTypeMetadata)
            .ToDictionary(name => name, item.GetMetadata, StringComparer.OrdinalIgnoreCase);
}
