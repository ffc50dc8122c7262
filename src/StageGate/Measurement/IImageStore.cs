using StageGate.Engine;

namespace StageGate.Measurement;

/// <summary>Where image sizes and history are read from: the Engine API, or the docker CLI where the API is out of reach.</summary>
internal interface IImageStore : IDisposable
{
    /// <summary>The image's details, or null when there is no such image.</summary>
    Task<ImageDetails?> InspectAsync(string image, CancellationToken cancellationToken);

    /// <summary>The image's history, newest layer first, as the Engine API returns it.</summary>
    Task<IReadOnlyList<ImageLayer>> HistoryAsync(string image, CancellationToken cancellationToken);
}
