using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using StageGate.Diagnostics;

namespace StageGate.Engine;

/// <summary>
/// TLS for a <c>tcp://</c> daemon, from the files docker keeps (<c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c>):
/// a CA to trust instead of the system's, and a client certificate to present.
/// </summary>
internal sealed record DockerTls(string? CaFile, string? CertFile, string? KeyFile, bool SkipVerify)
{
    internal static DockerTls FromFolder(string folder, bool skipVerify, bool requireCa)
    {
        var ca = Path.Combine(folder, "ca.pem");
        var cert = Path.Combine(folder, "cert.pem");
        var key = Path.Combine(folder, "key.pem");
        // Like the CLI, a client certificate is only presented when both halves exist.
        var hasClientCert = File.Exists(cert) && File.Exists(key);
        return new DockerTls(
            requireCa || File.Exists(ca) ? ca : null,
            hasClientCert ? cert : null,
            hasClientCert ? key : null,
            skipVerify);
    }

    /// <summary>Loads the files into options for the TLS handshake; a missing or unreadable file is SG2003 naming it.</summary>
    internal SslClientAuthenticationOptions CreateOptions(DockerEndpoint endpoint)
    {
        var options = new SslClientAuthenticationOptions();
        if (CertFile is not null && KeyFile is not null)
        {
            options.ClientCertificates = [Load(endpoint, CertFile, () => LoadClientCertificate(CertFile, KeyFile))];
        }

        if (SkipVerify)
        {
            // The user asked for TLS without verification (DOCKER_TLS, or SkipTLSVerify in the context).
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (CaFile is not null)
        {
            var authority = Load(endpoint, CaFile, () =>
            {
                var certificates = new X509Certificate2Collection();
                certificates.ImportFromPemFile(CaFile);
                return certificates.Count > 0 ? certificates : throw new CryptographicException("no certificate in the file");
            });
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, authority);
        }
        return options;
    }

    // docker trusts only the given CA for a daemon, never the system's roots, but still checks the host name.
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authority)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    private static X509Certificate2 LoadClientCertificate(string certFile, string keyFile)
    {
        var certificate = X509Certificate2.CreateFromPemFile(certFile, keyFile);
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }
        // Windows' TLS stack cannot use the ephemeral key a PEM import makes; a PKCS#12 round trip persists it.
        using (certificate)
        {
#pragma warning disable SYSLIB0057 // the replacement (X509CertificateLoader) is not in net8.0
            return new X509Certificate2(certificate.Export(X509ContentType.Pkcs12));
#pragma warning restore SYSLIB0057
        }
    }

    private static T Load<T>(DockerEndpoint endpoint, string file, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            var reason = File.Exists(file) ? e.Message : "the file does not exist";
            throw new StageGateException(Codes.DaemonNotAnswering.Create(
                $"TLS for the Docker daemon at {endpoint} needs {file}, but it cannot be read: {reason}. " +
                "Point DOCKER_CERT_PATH at the folder holding ca.pem, cert.pem and key.pem, or check the docker context's TLS files.", file), e);
        }
    }
}
