using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Registry;

/// <summary>
/// Reads an image's compressed size per platform from its manifests: the index (or the one manifest) at the top, then
/// each platform's manifest, summing config and layers; attestation manifests are skipped. The manifests come from the
/// image's registry, or from an OCI image layout buildx exported.
/// </summary>
internal static class RegistryMeasurer
{
    /// <summary>
    /// The most image manifests one index may list. Real multi-platform images list a handful; an index listing
    /// thousands would make StageGate send thousands of requests for one measurement.
    /// </summary>
    public const int MaxImageManifests = 128;

    /// <exception cref="StageGateException">An SG2017–SG2022 error saying why the registry could not tell.</exception>
    public static async Task<RegistryMeasurement> MeasureAsync(RegistryReference reference, RegistrySettings settings, CancellationToken cancellationToken)
    {
        // Each request has its own timeout; the deadline bounds them all, so a registry that answers every request
        // just in time cannot hold the build for an index's worth of timeouts.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Deadline);
        try
        {
            using var client = await RegistryClient.OpenAsync(reference, settings, deadline.Token).ConfigureAwait(false);
            return await MeasureAsync(new RepositorySource(client, reference.Repository), reference.ManifestReference, reference.ToString(),
                digest => reference.WithDigest(digest).ToString(), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StageGateException(Codes.RegistryUnreachable.Create(
                $"Registry {reference.Domain} did not give the manifests of {reference} within {settings.Deadline.TotalSeconds:0}s in all. Check the registry's health and the network, and run again."), e);
        }
    }

    /// <param name="source">Where the manifests are read.</param>
    /// <param name="top">The reference of the index or manifest that names the image.</param>
    /// <param name="what">How messages name the image.</param>
    /// <param name="name">How messages name one of its manifests, by digest.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<RegistryMeasurement> MeasureAsync(
        IManifestSource source, string top, string what, Func<string, string> name, CancellationToken cancellationToken)
    {
        var response = await source.GetManifestAsync(top, cancellationToken).ConfigureAwait(false);
        var document = ManifestDocument.Parse(response, what);
        if (!document.IsIndex)
        {
            return new RegistryMeasurement(response.Digest, [new PlatformSize(null, response.Digest, document.CompressedSize)]);
        }

        var platforms = new List<PlatformSize>();
        // An index may list a manifest twice (once per platform alias); it is read and counted once.
        var entries = document.Manifests.Where(m => !m.IsAttestation).DistinctBy(m => m.Digest, StringComparer.Ordinal).ToList();
        if (entries.Count > MaxImageManifests)
        {
            throw Codes.ManifestMalformed.Exception($"The manifest {what} cannot be measured: the index lists {entries.Count} image manifests, more than the {MaxImageManifests} StageGate reads from one index.");
        }
        foreach (var entry in entries)
        {
            var manifest = ManifestDocument.Parse(await source.GetManifestAsync(entry.Digest, cancellationToken).ConfigureAwait(false), name(entry.Digest));
            if (manifest.IsIndex)
            {
                throw Codes.ManifestMalformed.Exception($"The manifest {name(entry.Digest)} cannot be measured: the index {what} lists another index for {entry.Platform ?? "a platform"}, where an image manifest belongs.");
            }
            platforms.Add(new PlatformSize(entry.Platform, entry.Digest, manifest.CompressedSize));
        }
        if (platforms.Count == 0)
        {
            throw Codes.ManifestMalformed.Exception($"The manifest {what} cannot be measured: the index lists no image manifest, only attestations.");
        }
        return new RegistryMeasurement(response.Digest, platforms);
    }

}
