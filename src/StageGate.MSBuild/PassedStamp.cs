namespace StageGate.MSBuild;

/// <summary>
/// The last passing run: its inputs' fingerprint (first line) and the task's outputs, so a skipped
/// run still hands later targets the image id, digest, size and report.
/// </summary>
internal sealed record PassedStamp(string Fingerprint, string? ImageId, string? Digest, string? FinalSizeBytes, string? ReportPath)
{
    public static PassedStamp? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Length == 0)
        {
            return null;
        }
        var values = lines.Skip(1)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        string? Get(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        return new(lines[0], Get(nameof(ImageId)), Get(nameof(Digest)), Get(nameof(FinalSizeBytes)), Get(nameof(ReportPath)));
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path,
        [
            Fingerprint,
            $"{nameof(ImageId)}={ImageId}",
            $"{nameof(Digest)}={Digest}",
            $"{nameof(FinalSizeBytes)}={FinalSizeBytes}",
            $"{nameof(ReportPath)}={ReportPath}",
        ]);
    }

    /// <summary>True when a run with these inputs can be skipped: same fingerprint, and its report still there.</summary>
    public bool Covers(string fingerprint) =>
        string.Equals(Fingerprint, fingerprint, StringComparison.Ordinal) && (ReportPath is null || File.Exists(ReportPath));

    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
