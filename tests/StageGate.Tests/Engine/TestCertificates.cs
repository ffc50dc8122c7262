using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StageGate.Tests.Engine;

/// <summary>
/// A throwaway CA, a server certificate for <c>localhost</c> and a client certificate, the client side
/// written as docker keeps it (<c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c>) in a temp folder.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string folder, X509Certificate2 server)
    {
        Folder = folder;
        Server = server;
    }

    public string Folder { get; }

    public X509Certificate2 Server { get; }

    public static TestCertificates Create()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=StageGate test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));

        var server = Issue(ca, "CN=localhost", now, request =>
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        });
        using var client = Issue(ca, "CN=stagegate-client", now, request =>
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)));

        var folder = Directory.CreateTempSubdirectory("sg-tls-").FullName;
        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "cert.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), client.GetECDsaPrivateKey()!.ExportECPrivateKeyPem());
        return new TestCertificates(folder, server);
    }

    public void Dispose()
    {
        Server.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, DateTimeOffset now, Action<CertificateRequest> extend)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        extend(request);
        using var issued = request.Create(ca, now.AddMinutes(-1), now.AddMinutes(30), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}
