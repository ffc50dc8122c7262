namespace StageGate.Registry;

/// <summary>A manifest as the registry sent it: its media type (the Content-Type header), its bytes, and its digest.</summary>
internal sealed record ManifestResponse(string? MediaType, byte[] Body, string Digest);
