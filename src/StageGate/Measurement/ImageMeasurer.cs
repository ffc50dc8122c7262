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
    /// Reads the final image and, when there is one, the builder image. An image that cannot be read gives
    /// an outcome of <see cref="GateOutcome.CouldNotMeasure"/> and a warning, never a failed budget.
    /// </summary>
    public static async Task<(FinalImageResult Image, MeasurementProblem? Problem)> MeasureAsync(
        IImageStore store,
        string finalTag,
        Dockerfile? dockerfile,
        Stage? finalStage,
        string? builderTag,
        string? builderStageName,
        CancellationToken cancellationToken)
    {
        var target = finalStage?.DisplayName ?? finalTag;
        try
        {
            var details = await store.InspectAsync(finalTag, cancellationToken);
            if (details is null)
            {
                return (new FinalImageResult { Target = target, Outcome = GateOutcome.CouldNotMeasure },
                    new MeasurementProblem(Codes.CouldNotMeasure.Create($"Image '{finalTag}' was not found, so its size could not be measured."), ImageMissing: true));
            }

            var history = await store.HistoryAsync(finalTag, cancellationToken);
            var layers = dockerfile is not null && finalStage is not null
                ? LayerAttribution.Attribute(dockerfile, finalStage, history)
                : history.Reverse().Select(h => new LayerResult(h.Size, LayerAttribution.Clean(h.CreatedBy), null)).ToList();

            long? builderSize = null;
            if (builderTag is not null)
            {
                builderSize = (await store.InspectAsync(builderTag, cancellationToken))?.Size;
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
                new MeasurementProblem(Codes.CouldNotMeasure.Create($"Could not measure '{finalTag}': {ex.Diagnostic.Message}"), ImageMissing: false));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // An answer we could not read is a measurement we do not have, never a failed budget.
            return (new FinalImageResult { Target = target, Outcome = GateOutcome.CouldNotMeasure },
                new MeasurementProblem(Codes.CouldNotMeasure.Create($"Could not measure '{finalTag}': unexpected answer from docker ({ex.Message})."), ImageMissing: false));
        }
    }
}
