namespace StageGate.Buildx;

/// <summary>What buildx's metadata file says one target produced.</summary>
/// <param name="ImageId">
/// The image's id (its config digest), or null for a target that exported no image (<c>type=cacheonly</c>).
/// </param>
internal sealed record BuildResult(string? ImageId)
{
    /// <summary>
    /// buildx's <c>containerimage.digest</c>: after a push, the digest of the manifest (or, for several platforms,
    /// the index) in the registry; without one, the docker driver writes the image id here too.
    /// </summary>
    public string? Digest { get; init; }

    /// <summary>Whether buildx named the config digest (the image id) itself; a multi-platform push has none.</summary>
    public bool HasConfigDigest { get; init; }
}
