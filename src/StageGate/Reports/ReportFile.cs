using StageGate.Diagnostics;
using StageGate.Files;

namespace StageGate.Reports;

/// <summary>
/// Writes a rendered report to disk, whole or not at all: the same path is often the next run's baseline,
/// so a full disk must leave the old report intact. A path that cannot be written is the user's to fix, so it is coded.
/// </summary>
internal static class ReportFile
{
    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        try
        {
            await AtomicFile.WriteAllTextAsync(full, content, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.ReportNotWritten.Create($"Could not write the report '{full}': {ex.Message}"), ex);
        }
    }

    /// <summary>Appends to a file another program owns and reads (a CI job summary); coded like a report that cannot be written.</summary>
    public static async Task AppendAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        try
        {
            await File.AppendAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.ReportNotWritten.Create($"Could not append to '{path}': {ex.Message}"), ex);
        }
    }
}
