using System.Collections.Concurrent;
using StageGate.Diagnostics;
using StageGate.Engine;
using StageGate.Gates;

namespace StageGate.IntegrationTests.Gates;

/// <summary>The gate tests build one image at a time, so timings and the daemon's load stay predictable.</summary>
[CollectionDefinition(Name)]
public sealed class DockerGates
{
    public const string Name = "Docker gates";
}

/// <summary>
/// A throwaway build context holding a Dockerfile on busybox (seeded on every StageGate machine; nothing is
/// pulled), with a token unique to the test for cache busting and finding its processes; its images are
/// removed afterwards.
/// </summary>
internal sealed class GateSample : IAsyncDisposable
{
    /// <param name="dockerfile">The Dockerfile; <c>{token}</c> is replaced by the sample's token.</param>
    public GateSample(string dockerfile)
    {
        Token = Guid.NewGuid().ToString("N")[..12];
        // Lower-case hex keeps the folder name usable as it is in the image name StageGate derives from it.
        Folder = Path.Combine(Path.GetTempPath(), "stagegate-it-" + Token);
        Directory.CreateDirectory(Folder);
        Dockerfile = Write("Dockerfile", dockerfile);
    }

    public string Token { get; }

    public string Folder { get; }

    public string Dockerfile { get; }

    public TestOptions Options => new() { Dockerfile = Dockerfile };

    /// <summary>The tag StageGate gives a stage's image when no tag is set.</summary>
    public string ImageTag(string stage) => GatePlan.DefaultTag(Folder, Dockerfile, stage);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content.Replace("{token}", Token, StringComparison.Ordinal));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var stages = Dockerfiles.Dockerfile.Load(Dockerfile).Stages;
            using var engine = new EngineClient(DockerEndpoint.Resolve());
            foreach (var stage in stages)
            {
                await engine.RemoveImageAsync(ImageTag(stage.DisplayName));
            }
        }
        catch (StageGateException)
        {
            // No daemon, or an image still in use: a leftover tag does not change any test's outcome.
        }
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>Keeps every progress line for assertions and echoes it to the test's output.</summary>
internal sealed class RecordingProgress(ITestOutputHelper output, Action<GateProgress>? onReport = null) : IProgress<GateProgress>
{
    private readonly ConcurrentQueue<GateProgress> _lines = new();

    public IReadOnlyList<GateProgress> Lines => _lines.ToList();

    public void Report(GateProgress value)
    {
        _lines.Enqueue(value);
        output.WriteLine(value.Message);
        onReport?.Invoke(value);
    }
}
