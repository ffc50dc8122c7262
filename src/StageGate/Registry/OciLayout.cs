using System.Formats.Tar;
using System.Text.Json;
using StageGate.Diagnostics;

namespace StageGate.Registry;

/// <summary>
/// An OCI image layout as buildx's <c>--output type=oci</c> writes it: a tar (the default) or a folder
/// (<c>tar=false</c>) holding <c>index.json</c> and <c>blobs/sha256/…</c>. Only manifests are read, each up to the
/// manifest cap; layers are never read, only skipped.
/// </summary>
internal sealed class OciLayout : IManifestSource
{
    /// <summary>The name <see cref="IManifestSource.GetManifestAsync"/> takes for the layout's own index.</summary>
    public const string IndexFile = "index.json";

    private readonly string _path;

    private OciLayout(string path) => _path = path;

    /// <summary>
    /// Measures the exported image per platform. buildx's <c>index.json</c> names one entry; for a multi-platform image
    /// that entry is the image index, which is then where the platforms are listed.
    /// </summary>
    /// <param name="path">The layout: a tar or a folder.</param>
    /// <param name="digest">
    /// The digest buildx reported for the export: <c>index.json</c> must name it, or name the index that lists it, so
    /// a layout an earlier run (or anything else) left at the path is never measured as this run's image.
    /// </param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="StageGateException">SG2024 when the layout cannot be read or holds another image, SG2020 when its manifests are malformed.</exception>
    public static async Task<RegistryMeasurement> MeasureAsync(string path, string? digest, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw Codes.OciLayoutUnreadable.Exception($"The OCI layout '{path}' does not exist: buildx did not export the final image there.", path);
        }
        var layout = new OciLayout(path);
        var top = IndexFile;
        var index = await layout.GetManifestAsync(IndexFile, cancellationToken).ConfigureAwait(false);
        var document = ManifestDocument.Parse(index, layout.Name(IndexFile));
        var named = document.Manifests.Select(m => m.Digest).ToList();
        if (document is { IsIndex: true, Manifests: [var only] } && await layout.ChildrenAsync(only.Digest, cancellationToken).ConfigureAwait(false) is { } children)
        {
            top = only.Digest;
            named.AddRange(children);
        }
        if (digest is null || !named.Contains(digest, StringComparer.Ordinal))
        {
            throw Codes.OciLayoutUnreadable.Exception(
                $"The OCI layout '{path}' does not hold the image this run built: its index.json names {(named.Count == 0 ? "nothing" : string.Join(", ", named.Distinct(StringComparer.Ordinal).Take(3)) + (named.Count > 3 ? ", …" : ""))}, and buildx reported {digest ?? "no digest"} for the export. Something else wrote the path, or the export did not finish; build again.", path);
        }
        return await RegistryMeasurer.MeasureAsync(layout, top, layout.Name(top), layout.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ManifestResponse> GetManifestAsync(string reference, CancellationToken cancellationToken)
    {
        var entry = reference == IndexFile ? IndexFile : BlobPath(reference);
        var body = await ReadAsync(entry, cancellationToken).ConfigureAwait(false)
            ?? throw Codes.OciLayoutUnreadable.Exception($"The OCI layout '{_path}' has no {entry}, which its index names: the export is incomplete. Build again.", _path);
        var digest = ContentDigest.Of(body, reference == IndexFile ? null : reference);
        if (reference != IndexFile && !string.Equals(reference, digest, StringComparison.Ordinal))
        {
            throw Codes.ManifestMalformed.Exception($"The manifest {Name(reference)} cannot be measured: its bytes hash to {digest}, so the layout was changed after the export.");
        }
        return new ManifestResponse(null, body, reference == IndexFile ? digest : reference);
    }

    private string Name(string reference) => reference == IndexFile ? $"{_path} ({IndexFile})" : $"{_path} ({reference})";

    /// <summary>The digests an index lists; null when <paramref name="digest"/> is an image manifest, not an index.</summary>
    private async Task<IReadOnlyList<string>?> ChildrenAsync(string digest, CancellationToken cancellationToken)
    {
        var response = await GetManifestAsync(digest, cancellationToken).ConfigureAwait(false);
        var document = ManifestDocument.Parse(response, Name(digest));
        return document.IsIndex ? document.Manifests.Select(m => m.Digest).ToList() : null;
    }

    private static string BlobPath(string digest) =>
        ContentDigest.IsValid(digest)
            ? $"blobs/{digest.Replace(':', '/')}"
            : throw Codes.ManifestMalformed.Exception($"'{digest}' is not a digest of an OCI layout blob.");

    /// <summary>The entry's bytes, up to the manifest cap; null when the layout has no such entry.</summary>
    private async Task<byte[]?> ReadAsync(string entry, CancellationToken cancellationToken)
    {
        try
        {
            if (Directory.Exists(_path))
            {
                var file = Path.Combine(_path, entry);
                if (!File.Exists(file))
                {
                    return null;
                }
                await using var stream = File.OpenRead(file);
                return await ReadCappedAsync(stream, stream.Length, entry, cancellationToken).ConfigureAwait(false);
            }
            await using var tar = File.OpenRead(_path);
            await using var reader = new TarReader(tar);
            // One pass over the headers; a file stream lets the reader seek past every layer's data.
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } found)
            {
                if (found.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                    && string.Equals(found.Name.TrimStart('.', '/'), entry, StringComparison.Ordinal) && found.DataStream is { } data)
                {
                    return await ReadCappedAsync(data, found.Length, entry, cancellationToken).ConfigureAwait(false);
                }
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            throw new StageGateException(Codes.OciLayoutUnreadable.Create($"The OCI layout '{_path}' cannot be read: {e.Message}", _path), e);
        }
    }

    private async Task<byte[]> ReadCappedAsync(Stream stream, long length, string entry, CancellationToken cancellationToken)
    {
        if (length > RegistryClient.MaxManifestBytes)
        {
            throw Codes.ManifestMalformed.Exception($"The manifest {Name(entry)} cannot be measured: it is larger than {RegistryClient.MaxManifestBytes / 1024 / 1024} MiB, far more than any manifest.");
        }
        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }
}
