using StageGate.Buildx;

namespace StageGate.Tests.Buildx;

/// <summary>buildx output captured from real builds (buildx 0.13.1, BuildKit v0.8), kept beside the tests.</summary>
internal static class Fixtures
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "StageGate.Tests", "Buildx", "Fixtures", name));

    /// <summary>Feeds a fixture line by line, as the process runner delivers stderr.</summary>
    public static (BuildProgress Progress, List<ProgressLine> Lines) Follow(string name, IEnumerable<string>? bakeTargets = null)
    {
        var progress = new BuildProgress(bakeTargets);
        var lines = new List<ProgressLine>();
        foreach (var line in Text(name).Split('\n'))
        {
            lines.AddRange(progress.ReadLine(line));
        }
        lines.AddRange(progress.Complete());
        return (progress, lines);
    }
}
