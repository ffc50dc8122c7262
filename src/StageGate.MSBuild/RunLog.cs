using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using StageGate.Files;

namespace StageGate.MSBuild;

/// <summary>
/// How both tasks end a run in MSBuild's log: the summary line, the CI system's lines, and the stamp kept only after a
/// clean pass. Plain values, not the core's run: the .NET Framework task has no core.
/// </summary>
internal static class RunLog
{
    /// <summary>The summary line and the CI lines of a run that was not skipped.</summary>
    public static void Summary(TaskLoggingHelper log, string? summary, bool quiet, IEnumerable<string> ciCommands)
    {
        if (summary is { Length: > 0 })
        {
            // A run that only left notes (a Dockerfile's own build in a container) still says in a normal log that the
            // gates did not run; only its importance drops, so a minimal log stays as it would be without the package.
            log.LogMessage(quiet ? MessageImportance.Normal : MessageImportance.High, summary);
        }
        // The console logger indents a message, and the agent finds a logging command anywhere in a line.
        foreach (var command in ciCommands)
        {
            log.LogMessage(MessageImportance.High, command);
        }
    }

    /// <summary>Warnings promoted to errors count too: only a clean pass may skip the next run.</summary>
    public static void KeepStampOnlyAfterCleanPass(TaskLoggingHelper log, bool stampWritten, string stampFile)
    {
        if (stampWritten && log.HasLoggedErrors)
        {
            FileRemoval.Delete(stampFile, message => log.LogMessage(MessageImportance.Low, message));
        }
    }
}
