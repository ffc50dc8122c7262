using System.Globalization;
using System.Text;
using StageGate.Diagnostics;
using StageGate.Files;
using StageGate.Gates;

namespace StageGate.TestResults;

/// <summary>
/// How a test stage's results folder leaves BuildKit without building the stage twice: the user's Dockerfile,
/// verbatim, plus one appended <c>FROM scratch</c> stage per test stage that copies the folder, built as its own
/// target with the test target's context, args and platform and a local output. BuildKit merges the test stage's
/// work with the test target's (same steps, same cache keys), so nothing runs twice. Named contexts
/// (<c>target:test</c>) would be simpler, but BuildKit 0.8 behind dockerd 20.10 refuses them.
/// </summary>
/// <param name="Test">The test target whose stage writes the results.</param>
/// <param name="ExportStage">The appended stage's name in the generated Dockerfile.</param>
/// <param name="BakeName">The export's own bake target name.</param>
/// <param name="Folder">The fresh folder the local exporter writes into (the exporter never clears its destination).</param>
internal sealed record ResultsExport(BuildTarget Test, string ExportStage, string BakeName, string Folder)
{
    /// <summary>The first appended stage's name; later ones get <c>-2</c>, <c>-3</c>.</summary>
    public const string StagePrefix = "stagegate-export-results";

    /// <summary>The generated Dockerfile the export builds; set once it is written.</summary>
    public string Dockerfile { get; init; } = "";

    /// <summary><see cref="Folder"/> as the value of buildx's <c>--output</c>.</summary>
    public string OutputArgument => "type=local,dest=" + Folder;

    /// <summary>One export per test target, each with its own folder under <paramref name="runFolder"/>.</summary>
    public static IReadOnlyList<ResultsExport> For(IReadOnlyList<BuildTarget> targets, string runFolder)
    {
        var tests = targets.Where(t => t.Role == TargetRole.Test).ToList();
        return tests.Select((test, i) => new ResultsExport(
            test,
            i == 0 ? StagePrefix : StagePrefix + "-" + (i + 1).ToString(CultureInfo.InvariantCulture),
            "stagegate-results-" + test.BakeName,
            Path.Combine(runFolder, "results", test.BakeName))).ToList();
    }

    /// <summary>
    /// Checks a results folder can be exported: absolute (a relative one would depend on the stage's last WORKDIR,
    /// which BuildKit's COPY --from does not apply), not the root, and free of the glob characters the export adds.
    /// </summary>
    /// <exception cref="StageGateException">SG1016 naming what is wrong.</exception>
    public static void RequireExportable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw Codes.InvalidOption.Exception($"The test results folder '{path}' must be an absolute path inside the test stage, e.g. /results.");
        }
        if (path.TrimEnd('/').Length == 0 || path.IndexOfAny(['*', '?', '[', ']', '\\']) >= 0)
        {
            throw Codes.InvalidOption.Exception($"The test results folder '{path}' must name one folder below / without the characters * ? [ ] \\.");
        }
    }

    /// <summary>
    /// The folder as a COPY source that matches nothing, instead of failing, when the folder is missing: a plain
    /// missing source fails the whole bake and cancels the final target, a bracket glob of one character copies nothing.
    /// </summary>
    internal static string GlobSource(string path)
    {
        var trimmed = path.TrimEnd('/');
        return $"{trimmed[..^1]}[{trimmed[^1]}]/";
    }

    /// <summary>
    /// Writes the generated Dockerfile (same file name as the user's, so a Dockerfile-specific <c>.dockerignore</c>
    /// copied beside it applies as before and the cache keys match) into <paramref name="folder"/>; returns its path.
    /// </summary>
    /// <exception cref="StageGateException">SG1002 when the Dockerfile cannot be read again, SG2011 when the copy cannot be written.</exception>
    public static async Task<string> WriteDockerfileAsync(
        string dockerfilePath, IReadOnlyList<ResultsExport> exports, string resultsPath, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var text = Encoding.UTF8.GetString(InputLimit.Dockerfile.Read(dockerfilePath, Codes.DockerfileUnreadable));
        var generated = new StringBuilder(text);
        if (text.Length > 0 && text[^1] != '\n')
        {
            generated.Append('\n');
        }
        foreach (var export in exports)
        {
            var from = export.Test.Stage.Name ?? export.Test.Stage.Index.ToString(CultureInfo.InvariantCulture);
            generated.Append('\n')
                .Append("FROM scratch AS ").Append(export.ExportStage).Append('\n')
                .Append("COPY --from=").Append(from).Append(' ').Append(GlobSource(resultsPath)).Append(" /\n");
        }

        var path = Path.Combine(folder, Path.GetFileName(dockerfilePath));
        try
        {
            Directory.CreateDirectory(folder);
            await AtomicFile.WriteAllTextAsync(path, generated.ToString(), cancellationToken);
            var ignore = dockerfilePath + ".dockerignore";
            if (File.Exists(ignore))
            {
                File.Copy(ignore, path + ".dockerignore", overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.TemporaryFileNotWritten.Create($"Could not write the Dockerfile that exports the test results to '{path}': {e.Message}"), e);
        }
        return path;
    }

    /// <summary>The file that marks a results folder as StageGate's own, so the next run may empty it.</summary>
    internal const string DeliveryMarker = ".stagegate-results";

    /// <summary>
    /// Moves what the export wrote to <c>&lt;directory&gt;/&lt;stage&gt;/</c>, emptied first so results of an earlier run
    /// never pass for this one's; returns that folder, or null when the export wrote nothing (no folder at all).
    /// </summary>
    /// <exception cref="StageGateException">SG2009 when the results folder cannot be written.</exception>
    public string? Deliver(string directory)
    {
        var target = Path.Combine(directory, Test.Stage.DisplayName);
        var marker = Path.Combine(target, DeliveryMarker);
        try
        {
            if (Directory.Exists(target))
            {
                // Only a folder an earlier delivery made is emptied: a results directory pointed at a source tree
                // (`--test-results-dir .` beside a `test/` folder) must never lose the user's files.
                if (!File.Exists(marker))
                {
                    throw new StageGateException(Codes.ReportNotWritten.Create(
                        $"Test results of stage '{Test.Stage.DisplayName}' go to '{target}', which exists and was not made by StageGate; choose another test results folder or remove it."));
                }
                Directory.Delete(target, recursive: true);
            }
            if (!Directory.Exists(Folder))
            {
                return null;
            }
            Directory.CreateDirectory(target);
            File.WriteAllText(marker, "Test results delivered by StageGate; this folder is emptied on every run.\n");
            // Links are left behind: one that points out of the folder would copy a file of this machine into the results.
            var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var file in Directory.EnumerateFiles(Folder, "*", walk))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination, overwrite: true);
            }
            foreach (var folder in Directory.EnumerateDirectories(Folder, "*", walk))
            {
                Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(Folder, folder)));
            }
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.ReportNotWritten.Create($"Could not write the test results of stage '{Test.Stage.DisplayName}' to '{target}': {e.Message}"), e);
        }
    }
}
