using System.Globalization;
using StageGate.Files;

namespace StageGate.TestResults;

/// <summary>What a test stage's results folder holds once on the host: the exit code its tests recorded and its result files.</summary>
/// <param name="Folder">The folder on the host; null when the export brought nothing out.</param>
/// <param name="ExitCode">The number in its <c>exit-code</c> file; null when there is none or it holds no number.</param>
/// <param name="Files">Every TRX and JUnit file found, read or not.</param>
internal sealed record ExportedResults(string? Folder, int? ExitCode, IReadOnlyList<ResultFile> Files)
{
    /// <summary>The file the test step writes its exit code to, instead of failing.</summary>
    public const string ExitCodeFile = "exit-code";

    /// <summary>More files than this is a folder of something else; the rest are left unread.</summary>
    internal const int MaxFiles = 200;

    /// <summary>Why the <c>exit-code</c> file could not be used, when there is one that holds no number.</summary>
    public string? ExitCodeProblem { get; init; }

    /// <summary>Every test of every readable file.</summary>
    public IReadOnlyList<TestCaseResult> Tests => Files.SelectMany(f => f.Tests).ToList();

    /// <summary>Whether any file could be read as results.</summary>
    public bool HasReadableFile => Files.Any(f => f.Readable);

    /// <summary>Reads <paramref name="folder"/>; null gives an empty result.</summary>
    public static ExportedResults Read(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return new ExportedResults(null, null, []);
        }
        var (exitCode, problem) = ReadExitCode(Path.Combine(folder, ExitCodeFile));
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = 8 };
        var files = Directory.EnumerateFiles(folder, "*", walk)
            .Where(ResultFileReader.IsCandidate)
            .Order(StringComparer.Ordinal)
            .Take(MaxFiles)
            .Select(ResultFileReader.Read)
            .OfType<ResultFile>()
            .ToList();
        return new ExportedResults(folder, exitCode, files) { ExitCodeProblem = problem };
    }

    private static (int? Code, string? Problem) ReadExitCode(string path)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }
        try
        {
            var text = BoundedFile.ReadTextAtMost(path, new InputLimit("exit-code file", 1024));
            return text is not null && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
                ? (code, null)
                : (null, $"'{path}' holds no exit code (a whole number, e.g. 0 or 1)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"'{path}' cannot be read: {e.Message}");
        }
    }
}
