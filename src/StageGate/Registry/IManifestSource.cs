namespace StageGate.Registry;

/// <summary>Where manifests are read from: a registry, or an OCI image layout buildx exported.</summary>
internal interface IManifestSource
{
    /// <summary>The manifest or index <paramref name="reference"/> names (a digest; for a registry also a tag).</summary>
    Task<ManifestResponse> GetManifestAsync(string reference, CancellationToken cancellationToken);
}
