namespace StageGate.Engine;

/// <summary>What <c>docker image inspect</c> shows, the fields StageGate reads.</summary>
/// <param name="Id">The image ID, <c>sha256:…</c>.</param>
/// <param name="RepoTags">The tags that name it, <c>repository:tag</c>.</param>
/// <param name="RepoDigests">The registry digests it is known by, <c>repository@sha256:…</c>.</param>
/// <param name="Size">Bytes on disk, all layers together, as <c>docker image ls</c> counts them.</param>
/// <param name="Created">When the image was built; null when the image does not say.</param>
/// <param name="Os">The OS the image runs on, e.g. <c>linux</c>.</param>
/// <param name="Architecture">The CPU architecture, e.g. <c>amd64</c>.</param>
/// <param name="Layers">The layer diff IDs (<c>RootFS.Layers</c>), base layer first.</param>
internal sealed record ImageDetails(
    string Id,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> RepoDigests,
    long Size,
    DateTimeOffset? Created,
    string Os,
    string Architecture,
    IReadOnlyList<string> Layers);
