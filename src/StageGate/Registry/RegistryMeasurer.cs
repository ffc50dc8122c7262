using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Registry;

/// <summary>
/// Reads a pushed image's compressed size per platform from its registry: the index (or the one manifest) the
/// reference names, then each platform's manifest, summing config and layers; attestation manifests are skipped.
/// </summary>
internal static class RegistryMeasurer
{
    /// <exception cref="StageGateException">An SG2017–SG2022 error saying why the registry could not tell.</exception>
    public static async Task<RegistryMeasurement> MeasureAsync(RegistryReference reference, RegistrySettings settings, CancellationToken cancellationToken)
    {
        using var client = await RegistryClient.OpenAsync(reference, settings, cancellationToken).ConfigureAwait(false);
        var top = await client.GetManifestAsync(reference.Repository, reference.ManifestReference, cancellationToken).ConfigureAwait(false);
        var document = ManifestDocument.Parse(top, reference.ToString());
        if (!document.IsIndex)
        {
            return new RegistryMeasurement(top.Digest, [new PlatformSize(null, top.Digest, document.CompressedSize)]);
        }

        var platforms = new List<PlatformSize>();
        foreach (var entry in document.Manifests.Where(m => !m.IsAttestation))
        {
            var what = reference.WithDigest(entry.Digest).ToString();
            var manifest = ManifestDocument.Parse(
                await client.GetManifestAsync(reference.Repository, entry.Digest, cancellationToken).ConfigureAwait(false), what);
            if (manifest.IsIndex)
            {
                throw Codes.ManifestMalformed.Exception($"The manifest {what} cannot be measured: the index {reference} lists another index for {entry.Platform ?? "a platform"}, where an image manifest belongs.");
            }
            platforms.Add(new PlatformSize(entry.Platform, entry.Digest, manifest.CompressedSize));
        }
        if (platforms.Count == 0)
        {
            throw Codes.ManifestMalformed.Exception($"The manifest {reference} cannot be measured: the index lists no image manifest, only attestations.");
        }
        return new RegistryMeasurement(top.Digest, platforms);
    }
}
