namespace StageGate.Gates;

/// <summary>One platform of the pushed final image, as its manifest in the registry describes it.</summary>
/// <param name="Platform"><c>os/architecture[/variant]</c>, e.g. <c>linux/arm64/v8</c>; null when the registry does not say (a single-platform push).</param>
/// <param name="Digest">The platform's manifest digest.</param>
/// <param name="CompressedSizeBytes">The config and layers as stored: what a pull of this platform downloads.</param>
public sealed record PlatformSize(string? Platform, string Digest, long CompressedSizeBytes);
