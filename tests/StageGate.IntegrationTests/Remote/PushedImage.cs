namespace StageGate.IntegrationTests.Remote;

/// <summary>An image pushed to a <see cref="LocalRegistry"/>: its reference (<c>host:port/repository:tag</c>) and manifest digest.</summary>
internal sealed record PushedImage(string Reference, string Repository, string Tag, string Digest);
