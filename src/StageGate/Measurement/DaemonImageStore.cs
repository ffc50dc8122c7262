using StageGate.Engine;

namespace StageGate.Measurement;

/// <summary>
/// Reads images from the daemon a docker executable talks to, choosing the channel on first use: asking a
/// configured executable which daemon it uses starts a process, which must be awaited.
/// </summary>
internal sealed class DaemonImageStore(string docker) : IImageStore
{
    private IImageStore? _channel;

    public async Task<ImageDetails?> InspectAsync(string image, CancellationToken cancellationToken) =>
        await (await ChannelAsync(cancellationToken)).InspectAsync(image, cancellationToken);

    public async Task<IReadOnlyList<ImageLayer>> HistoryAsync(string image, CancellationToken cancellationToken) =>
        await (await ChannelAsync(cancellationToken)).HistoryAsync(image, cancellationToken);

    public void Dispose() => _channel?.Dispose();

    private async Task<IImageStore> ChannelAsync(CancellationToken cancellationToken) =>
        _channel ??= ImageMeasurer.StoreFor(await EndpointResolver.ResolveAsync(docker, cancellationToken), docker);
}
