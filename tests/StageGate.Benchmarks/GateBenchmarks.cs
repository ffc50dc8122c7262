using BenchmarkDotNet.Attributes;
using StageGate.Engine;
using StageGate.Measurement;

namespace StageGate.Benchmarks;

/// <summary>
/// Measuring an image as the gate does after a build (inspect, then history) through the Engine API, against
/// the same two reads through <c>docker image inspect</c> and <c>docker image history</c> processes. Each
/// operation opens its own store, as a run does, so the Engine side pays for its API-version ping too.
/// Needs a running Docker daemon with the images below (seeded on every StageGate machine).
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class GateBenchmarks
{
    private DockerEndpoint _endpoint = null!;

    [Params("busybox:latest", "debian:bookworm-slim")]
    public string Image { get; set; } = "busybox:latest";

    [GlobalSetup]
    public void FindDaemon() => _endpoint = DockerEndpoint.Resolve();

    [Benchmark(Baseline = true)]
    public Task<long> DockerCliProcesses() => MeasureAsync(new DockerCliImageStore("docker"));

    [Benchmark]
    public Task<long> EngineApi() => MeasureAsync(new EngineImageStore(_endpoint));

    private async Task<long> MeasureAsync(IImageStore store)
    {
        using (store)
        {
            var details = await store.InspectAsync(Image, CancellationToken.None)
                ?? throw new InvalidOperationException($"{Image} is not in the engine; seed it first (build/).");
            var history = await store.HistoryAsync(Image, CancellationToken.None);
            return details.Size + history.Count;
        }
    }
}
