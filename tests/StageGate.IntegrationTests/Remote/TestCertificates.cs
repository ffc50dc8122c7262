using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// A certificate authority made for one test run (nothing is trusted machine-wide), issuing the server and
/// client certificates the registry, the TLS engine and the token endpoint present, written as the PEM files
/// docker and the registry read.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly X509Certificate2 _authority;

    private TestCertificates(X509Certificate2 authority) => _authority = authority;

    /// <summary>The CA certificate, to trust.</summary>
    public X509Certificate2 Authority => _authority;

    /// <summary>A fresh CA named <paramref name="name"/>, valid for a day.</summary>
    public static TestCertificates CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificates(request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1)));
    }

    /// <summary>A server certificate for <paramref name="address"/> (its only subject alternative name).</summary>
    public X509Certificate2 IssueServer(IPAddress address)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(address);
        return Issue($"CN={address}", [new Oid("1.3.6.1.5.5.7.3.1")], san.Build());
    }

    /// <summary>A client certificate, as <c>docker --tlsverify</c> presents to a daemon.</summary>
    public X509Certificate2 IssueClient(string name) => Issue($"CN={name}", [new Oid("1.3.6.1.5.5.7.3.2")], null);

    /// <summary>Writes the CA certificate as PEM to <paramref name="path"/>.</summary>
    public string WriteAuthority(string path)
    {
        File.WriteAllText(path, _authority.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes a certificate and its private key (PKCS#8) as PEM files.</summary>
    public static void Write(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey();
        File.WriteAllText(keyPath, key!.ExportPkcs8PrivateKeyPem());
        // Keys are read by root-run services only; keep them private like docker's own.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose() => _authority.Dispose();

    private X509Certificate2 Issue(string subject, Oid[] usages, X509Extension? alternativeNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. usages], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_authority, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var issued = request.Create(_authority, _authority.NotBefore, _authority.NotAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
