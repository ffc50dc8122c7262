using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using StageGate.Diagnostics;

namespace StageGate.Registry;

/// <summary>
/// TLS toward one registry as the docker daemon does it: the system's roots plus the CAs in
/// <c>certs.d/&lt;host:port&gt;/*.crt</c>, a client certificate from a <c>*.cert</c> and <c>*.key</c> pair there,
/// and no verification at all only for a registry the user called insecure.
/// </summary>
internal static class RegistryTls
{
    public static SslClientAuthenticationOptions OptionsFor(string host, RegistrySettings settings)
    {
        var options = new SslClientAuthenticationOptions();
        var folder = Path.Combine(settings.CertsDirectory, host);
        var authorities = Authorities([host], settings);
        if (Directory.Exists(folder))
        {
            var clients = new X509CertificateCollection();
            foreach (var cert in Directory.GetFiles(folder, "*.cert").Order(StringComparer.Ordinal))
            {
                var key = Path.ChangeExtension(cert, ".key");
                if (!File.Exists(key))
                {
                    throw Codes.RegistryTlsFailed.Exception($"Client certificate '{cert}' for registry {host} has no key beside it ('{key}'), which docker needs too.", cert);
                }
                Load(host, cert, () => clients.Add(X509Certificate2.CreateFromPemFile(cert, key)));
            }
            options.ClientCertificates = clients;
        }

        if (settings.IsInsecure(host))
        {
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (authorities.Count > 0)
        {
            options.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => IsTrusted(certificate, chain, errors, authorities);
        }
        return options;
    }

    /// <summary>
    /// TLS toward a registry's token service, which receives the credentials: always verified (a registry's insecure
    /// listing does not extend to it), against the system's roots and the CAs docker trusts for the registry and for
    /// the service's own host (docker's token requests share the registry's trust), and offering no client
    /// certificate, which is the registry's alone.
    /// </summary>
    public static SslClientAuthenticationOptions TokenOptionsFor(string registryHost, string realmHost, RegistrySettings settings)
    {
        var authorities = Authorities([registryHost, realmHost], settings);
        var options = new SslClientAuthenticationOptions();
        if (authorities.Count > 0)
        {
            options.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => IsTrusted(certificate, chain, errors, authorities);
        }
        return options;
    }

    /// <summary>The CAs of <c>certs.d/&lt;host&gt;/*.crt</c> for each host.</summary>
    private static X509Certificate2Collection Authorities(IEnumerable<string> hosts, RegistrySettings settings)
    {
        var authorities = new X509Certificate2Collection();
        foreach (var host in hosts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var folder = Path.Combine(settings.CertsDirectory, host);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.GetFiles(folder, "*.crt").Order(StringComparer.Ordinal))
            {
                Load(host, file, () => authorities.ImportFromPemFile(file));
            }
        }
        return authorities;
    }

    // The system's roots decide first; the folder's CAs are trusted beside them, never instead of the host name check.
    private static bool IsTrusted(X509Certificate? certificate, X509Chain? systemChain, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (systemChain is not null)
        {
            foreach (var element in systemChain.ChainElements.Skip(1))
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    private static void Load(string host, string file, Action load)
    {
        try
        {
            load();
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.RegistryTlsFailed.Create($"Certificate file '{file}' for registry {host} cannot be read: {e.Message}", file), e);
        }
    }
}
