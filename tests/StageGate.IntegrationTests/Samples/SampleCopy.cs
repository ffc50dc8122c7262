using StageGate.Diagnostics;
using StageGate.Engine;
using StageGate.Gates;
using StageGate.Tests;

namespace StageGate.IntegrationTests.Samples;

/// <summary>
/// A copy of one of the repository's samples in a temporary folder, for failing variants that are never committed:
/// one file changed, everything else as shipped, so BuildKit serves the unchanged steps from the samples' cache.
/// The images StageGate tagged for the copy are removed afterwards.
/// </summary>
internal sealed class SampleCopy : IAsyncDisposable
{
    private SampleCopy(string folder) => Folder = folder;

    public string Folder { get; }

    public static SampleCopy Of(string sample)
    {
        var source = Path.Combine(RepoRoot.Path, "samples", sample);
        // The folder name becomes part of the image name StageGate derives, so it stays lower-case.
        var folder = Path.Combine(Path.GetTempPath(), "stagegate-sample-" + sample + "-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return new SampleCopy(folder);
    }

    public string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>Replaces <paramref name="oldText"/> in <paramref name="file"/>; fails when it is not there, so a variant cannot silently stay unbroken.</summary>
    public void Replace(string file, string oldText, string newText)
    {
        var text = File.ReadAllText(PathOf(file));
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(file), text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>The 1-based line of <paramref name="file"/> that holds <paramref name="text"/>, exactly once.</summary>
    public int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(PathOf(file));
        var index = Assert.Single(Enumerable.Range(0, lines.Length), i => lines[i].Contains(text, StringComparison.Ordinal));
        return index + 1;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var engine = new EngineClient(DockerEndpoint.Resolve());
            foreach (var dockerfile in Directory.EnumerateFiles(Folder, "Dockerfile*").Where(f => !f.EndsWith(".dockerignore", StringComparison.Ordinal)))
            {
                foreach (var stage in Dockerfiles.Dockerfile.Load(dockerfile).Stages)
                {
                    await engine.RemoveImageAsync(GatePlan.DefaultTag(Folder, dockerfile, stage.DisplayName));
                }
            }
        }
        catch (StageGateException)
        {
            // No daemon, or an image still in use: a leftover tag does not change any test's outcome.
        }
        Directory.Delete(Folder, recursive: true);
    }
}
