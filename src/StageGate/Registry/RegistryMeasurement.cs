using StageGate.Gates;

namespace StageGate.Registry;

/// <summary>A pushed image as the registry holds it: the digest of what the reference names, and each platform's compressed size.</summary>
internal sealed record RegistryMeasurement(string Digest, IReadOnlyList<PlatformSize> Platforms)
{
    /// <summary>The one platform's compressed size, or the largest platform's: what the heaviest pull downloads.</summary>
    public long LargestCompressedSize => Platforms.Max(p => p.CompressedSizeBytes);
}
