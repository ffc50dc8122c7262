namespace StageGate.Engine;

/// <summary>What <c>docker version</c> shows for the server.</summary>
public sealed record EngineVersion(string Version, string ApiVersion, string Os, string Architecture);

/// <summary>What <c>docker image inspect</c> shows, the fields StageGate reads.</summary>
/// <param name="Id">The image ID, <c>sha256:…</c>.</param>
/// <param name="RepoTags">The tags that name it, <c>repository:tag</c>.</param>
/// <param name="RepoDigests">The registry digests it is known by, <c>repository@sha256:…</c>.</param>
/// <param name="Size">Bytes on disk, all layers together, as <c>docker image ls</c> counts them.</param>
/// <param name="Created">When the image was built; null when the image does not say.</param>
/// <param name="Os">The OS the image runs on, e.g. <c>linux</c>.</param>
/// <param name="Architecture">The CPU architecture, e.g. <c>amd64</c>.</param>
/// <param name="Layers">The layer diff IDs (<c>RootFS.Layers</c>), base layer first.</param>
public sealed record ImageDetails(
    string Id,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> RepoDigests,
    long Size,
    DateTimeOffset? Created,
    string Os,
    string Architecture,
    IReadOnlyList<string> Layers);

/// <summary>One line of <c>docker image history</c>: the instruction that made a layer and the bytes it added.</summary>
/// <param name="Id">The image ID of this step, or <c>&lt;missing&gt;</c> for steps built elsewhere.</param>
/// <param name="Created">When the step ran.</param>
/// <param name="CreatedBy">The instruction, e.g. <c>/bin/sh -c #(nop) COPY …</c> or <c>RUN /bin/sh -c …</c>.</param>
/// <param name="Size">Bytes this step added to the image.</param>
/// <param name="Comment">The step's comment, e.g. <c>buildkit.dockerfile.v0</c>.</param>
/// <param name="Tags">Tags that point at this step's image.</param>
public sealed record ImageLayer(string Id, DateTimeOffset Created, string CreatedBy, long Size, string Comment, IReadOnlyList<string> Tags);

/// <summary>One line of <c>docker image rm</c>: a tag removed (<c>Untagged</c>) or an image deleted (<c>Deleted</c>).</summary>
public sealed record RemovedImage(string? Untagged, string? Deleted)
{
    public override string ToString() => Untagged is not null ? $"Untagged: {Untagged}" : $"Deleted: {Deleted}";
}
