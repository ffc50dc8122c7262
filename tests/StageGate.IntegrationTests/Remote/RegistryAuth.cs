namespace StageGate.IntegrationTests.Remote;

/// <summary>How a <see cref="LocalRegistry"/> is reached and who may use it.</summary>
internal enum RegistryAuth
{
    /// <summary>Plain HTTP on 127.0.0.1, anonymous: docker treats loopback registries as insecure, so no TLS is needed.</summary>
    None,

    /// <summary>HTTPS on a bridge address with a per-run CA, and basic auth from a bcrypt htpasswd file.</summary>
    Basic,

    /// <summary>HTTPS on a bridge address, and Bearer tokens from a token endpoint in front of it (the GHCR, ACR and Docker Hub flow).</summary>
    Token,
}
