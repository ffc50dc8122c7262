using StageGate.Engine;

namespace StageGate.Measurement;

/// <summary>Reads images through the Docker Engine API: one HTTP round trip each, no process start.</summary>
internal sealed class EngineImageStore(DockerEndpoint endpoint) : IImageStore
{
    private readonly EngineClient _client = new(endpoint);

    public Task<ImageDetails?> InspectAsync(string image, CancellationToken cancellationToken) =>
        _client.InspectImageAsync(image, cancellationToken);

    public Task<IReadOnlyList<ImageLayer>> HistoryAsync(string image, CancellationToken cancellationToken) =>
        _client.GetImageHistoryAsync(image, cancellationToken);

    public void Dispose() => _client.Dispose();
}
