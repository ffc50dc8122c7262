namespace StageGate.Engine;

/// <summary>What <c>docker version</c> shows for the server.</summary>
internal sealed record EngineVersion(string Version, string ApiVersion, string Os, string Architecture);
