using System.Text;
using StageGate.Files;

namespace StageGate.Hosting;

/// <summary>
/// The last passing run: its inputs' fingerprint (first line) and the task's outputs, so a skipped
/// run still hands later targets the image id, digest, size and report. The stamp is only a shortcut:
/// one that cannot be read, written or deleted means "run the gates", never a failed build.
/// </summary>
internal sealed record PassedStamp(string Fingerprint, string? ImageId, string? Digest, string? FinalSizeBytes, string? ReportPath)
{
    private static readonly string[] Keys = [nameof(ImageId), nameof(Digest), nameof(FinalSizeBytes), nameof(ReportPath)];

    /// <summary>The stamp at <paramref name="path"/>, or null when there is none or it is not one this task wrote.</summary>
    public static PassedStamp? Read(string path)
    {
        string? text;
        try
        {
            text = File.Exists(path) ? BoundedFile.ReadTextAtMost(path, InputLimit.Stamp) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (text is null)
        {
            return null;
        }
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in lines.Skip(1).Select(line => line.Split('=', 2)))
        {
            // A line this task never writes, or a key twice, is a stamp edited by hand or by a merge: distrust it all.
            if (pair.Length != 2 || !Keys.Contains(pair[0], StringComparer.Ordinal) || !values.TryAdd(pair[0], pair[1]))
            {
                return null;
            }
        }
        string? Get(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        return new(lines[0], Get(nameof(ImageId)), Get(nameof(Digest)), Get(nameof(FinalSizeBytes)), Get(nameof(ReportPath)));
    }

    /// <summary>Writes the stamp whole or not at all; a failure is handed to <paramref name="note"/>, since the run itself passed.</summary>
    public async Task WriteAsync(string path, Action<string>? note, CancellationToken cancellationToken)
    {
        var content = new StringBuilder()
            .Append(Fingerprint).Append('\n')
            .Append(nameof(ImageId)).Append('=').Append(ImageId).Append('\n')
            .Append(nameof(Digest)).Append('=').Append(Digest).Append('\n')
            .Append(nameof(FinalSizeBytes)).Append('=').Append(FinalSizeBytes).Append('\n')
            .Append(nameof(ReportPath)).Append('=').Append(ReportPath).Append('\n')
            .ToString();
        try
        {
            await AtomicFile.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            note?.Invoke($"StageGate: could not write the stamp '{path}' ({e.Message}); the next build runs the gates again.");
        }
    }

    /// <summary>True when a run with these inputs can be skipped: same fingerprint, and its report still there.</summary>
    public bool Covers(string fingerprint) =>
        string.Equals(Fingerprint, fingerprint, StringComparison.Ordinal) && (ReportPath is null || File.Exists(ReportPath));

    /// <summary>Removes the stamp so the next build runs the gates; one that cannot be removed is handed to <paramref name="note"/>.</summary>
    public static void Delete(string path, Action<string>? note = null) => FileRemoval.Delete(path, note);
}
