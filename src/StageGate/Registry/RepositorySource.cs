namespace StageGate.Registry;

/// <summary>One repository of a registry as a manifest source.</summary>
internal sealed class RepositorySource(RegistryClient client, string repository) : IManifestSource
{
    public Task<ManifestResponse> GetManifestAsync(string reference, CancellationToken cancellationToken) =>
        client.GetManifestAsync(repository, reference, cancellationToken);
}
