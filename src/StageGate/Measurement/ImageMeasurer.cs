using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using StageGate.Engine;
using StageGate.Gates;

namespace StageGate.Measurement;

/// <summary>Measures built images: size, digest and layers attributed to Dockerfile lines.</summary>
internal static class ImageMeasurer
{
    /// <summary>
    /// The images of the daemon <paramref name="docker"/> talks to (<see cref="EndpointResolver"/>): through the
    /// Engine API where that endpoint speaks it, else through the same docker CLI (ssh://, a wrapper, podman).
    /// </summary>
    public static IImageStore OpenStore(string docker) => new DaemonImageStore(docker);

    /// <summary>The channel for an endpoint; null means only the executable knows its daemon.</summary>
    internal static IImageStore StoreFor(DockerEndpoint? endpoint, string docker) =>
        endpoint is { CanSpeak: true } ? new EngineImageStore(endpoint) : new DockerCliImageStore(docker);

    /// <summary>
    /// Reads the final image and, when there is one, the builder image, each by the reference given: a run passes
    /// the ids of the images it built, so a concurrent run that moved a shared tag cannot change what it measures.
    /// An image that cannot be read gives
    /// an outcome of <see cref="GateOutcome.CouldNotMeasure"/> and a warning, never a failed budget.
    /// </summary>
    public static async Task<(FinalImageResult Image, MeasurementProblem? Problem)> MeasureAsync(
        IImageStore store,
        string finalImage,
        Dockerfile? dockerfile,
        Stage? finalStage,
        string? builderImage,
        string? builderStageName,
        CancellationToken cancellationToken)
    {
        var target = finalStage?.DisplayName ?? finalImage;
        try
        {
            var details = await store.InspectAsync(finalImage, cancellationToken);
            if (details is null)
            {
                return (new FinalImageResult { Target = target, Outcome = GateOutcome.CouldNotMeasure },
                    new MeasurementProblem(Codes.CouldNotMeasure.Create($"Image '{finalImage}' was not found, so its size could not be measured."), ImageMissing: true));
            }

            var history = await store.HistoryAsync(finalImage, cancellationToken);
            var layers = dockerfile is not null && finalStage is not null
                ? LayerAttribution.Attribute(dockerfile, finalStage, history)
                : history.Reverse().Select(h => new LayerResult(h.Size, LayerAttribution.Clean(h.CreatedBy), null)).ToList();

            long? builderSize = null;
            if (builderImage is not null)
            {
                builderSize = (await store.InspectAsync(builderImage, cancellationToken))?.Size;
            }

            return (new FinalImageResult
            {
                Target = target,
                Outcome = GateOutcome.Passed,
                ImageId = details.Id,
                Digest = details.RepoDigests.FirstOrDefault(),
                Tags = details.RepoTags,
                SizeBytes = details.Size,
                Layers = layers,
                BuilderStage = builderSize is null ? null : builderStageName,
                BuilderSizeBytes = builderSize,
            }, null);
        }
        catch (StageGateException ex) when (ex.Diagnostic.Code != Codes.Cancelled.Code)
        {
            return (new FinalImageResult { Target = target, Outcome = GateOutcome.CouldNotMeasure },
                new MeasurementProblem(Codes.CouldNotMeasure.Create($"Could not measure '{finalImage}': {ex.Diagnostic.Message}"), ImageMissing: false));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // An answer we could not read is a measurement we do not have, never a failed budget.
            return (new FinalImageResult { Target = target, Outcome = GateOutcome.CouldNotMeasure },
                new MeasurementProblem(Codes.CouldNotMeasure.Create($"Could not measure '{finalImage}': unexpected answer from docker ({ex.Message})."), ImageMissing: false));
        }
    }
}
