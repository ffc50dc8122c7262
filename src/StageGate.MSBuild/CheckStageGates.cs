using System.Diagnostics.CodeAnalysis;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.MSBuild;

/// <summary>
/// Runs the gates of one Dockerfile from MSBuild: the project's StageGate properties and items go to the core
/// as they are, its diagnostics come back as coded errors and warnings, and an unchanged, passing run is skipped.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "MSBuild never disposes tasks; the source holds no timer or handle.")]
public sealed class CheckStageGates : Microsoft.Build.Utilities.Task, ICancelableTask
{
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
                Items.Select(i => (i.GetMetadata(MSBuildProtocol.ItemTypeMetadata), i.ItemSpec, Metadata(i))));
        }
        catch (StageGateException e)
        {
            host.Log(e.Diagnostic);
            return false;
        }

        IncrementalRun check;
        using (host)
        {
            check = await IncrementalGate.CheckAsync(values, StampFile, host, cancellationToken).ConfigureAwait(false);
        }
        if (check.Run is { } run)
        {
            RunLog.Summary(Log, run.Summary, run.Quiet, run.CiCommands);
        }
        if (check.Outputs is { } outputs)
        {
            ImageId = outputs.ImageId;
            Digest = outputs.Digest;
            FinalSizeBytes = outputs.FinalSizeBytes;
            ReportPath = outputs.ReportPath;
        }
        RunLog.KeepStampOnlyAfterCleanPass(Log, check.StampWritten, StampFile);
        return !Log.HasLoggedErrors;
    }

    private static IReadOnlyDictionary<string, string> Metadata(ITaskItem item) =>
        item.MetadataNames.Cast<string>()
            .Where(name => name != MSBuildProtocol.ItemTypeMetadata)
            .ToDictionary(name => name, item.GetMetadata, StringComparer.OrdinalIgnoreCase);
}
