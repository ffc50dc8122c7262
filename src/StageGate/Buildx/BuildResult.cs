namespace StageGate.Buildx;

/// <summary>What buildx's metadata file says one target produced.</summary>
/// <param name="ImageId">
/// The image's id (its config digest), or null for a target that exported no image (<c>type=cacheonly</c>).
/// </param>
internal sealed record BuildResult(string? ImageId);
