using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// A real registry for a test: Debian's <c>docker-registry</c> (distribution 2.8) started as a plain process with
/// a generated config (filesystem storage in a temp folder, deletes enabled). <see cref="RegistryAuth.None"/>
/// serves plain HTTP on 127.0.0.1; <see cref="RegistryAuth.Basic"/> and <see cref="RegistryAuth.Token"/> serve
/// HTTPS on a bridge of the fixture's own (docker skips certificate checks for 127.0.0.0/8, so loopback would
/// prove nothing), with a per-run CA that every engine on the machine trusts through
/// <c>/etc/docker/certs.d/&lt;host:port&gt;/ca.crt</c>, read at each push without a restart.
/// Disposing stops the registry (and token endpoint), removes the trust, the bridge and the folder.
/// </summary>
internal sealed partial class LocalRegistry : IAsyncDisposable
{
    private const string CertsD = "/etc/docker/certs.d";
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _log = new();
    private readonly string _folder;
    private Process? _registry;
    private TestBridge? _bridge;
    private RegistryTokenService? _tokens;
    private TestCertificates? _authority;
    private System.Security.Cryptography.X509Certificates.X509Certificate2? _serverCertificate;
    private string? _trustFolder;

    private LocalRegistry(RegistryAuth auth, string folder)
    {
        Auth = auth;
        _folder = folder;
    }

    public RegistryAuth Auth { get; }

    /// <summary>Where the registry listens, as image references name it: <c>ip:port</c>.</summary>
    public string Host { get; private set; } = "";

    /// <summary>True for <see cref="RegistryAuth.Basic"/> and <see cref="RegistryAuth.Token"/>: HTTPS with <see cref="CaFile"/>.</summary>
    public bool UsesTls => Auth != RegistryAuth.None;

    /// <summary>The registry's root: <c>http(s)://ip:port/</c>; the API is under <c>v2/</c>.</summary>
    public Uri BaseAddress => new($"{(UsesTls ? "https" : "http")}://{Host}/");

    /// <summary>The user that may push and pull; null when the registry is anonymous.</summary>
    public string? Username { get; private set; }

    /// <summary>That user's password.</summary>
    public string? Password { get; private set; }

    /// <summary>The PEM file of the CA that signed the registry's (and token endpoint's) certificate; null for plain HTTP.</summary>
    public string? CaFile { get; private set; }

    /// <summary>The token endpoint's realm for <see cref="RegistryAuth.Token"/>; null otherwise.</summary>
    public Uri? TokenRealm => _tokens?.Realm;

    /// <summary>Every request the token endpoint answered (empty unless <see cref="RegistryAuth.Token"/>).</summary>
    public IReadOnlyList<TokenRequest> TokenRequests => _tokens?.Requests ?? [];

    /// <summary>How long the registry took from process start to answering <c>GET /v2/</c>.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>Why a registry with <paramref name="auth"/> cannot start here (null when it can).</summary>
    public static string? WhyUnavailable(RegistryAuth auth) => auth == RegistryAuth.Basic
        ? FixturePrerequisites.WhyMissing(("/usr/bin/docker-registry", "docker-registry"), ("/usr/bin/htpasswd", "apache2-utils"))
        : FixturePrerequisites.WhyMissing(("/usr/bin/docker-registry", "docker-registry"));

    public static async Task<LocalRegistry> StartAsync(RegistryAuth auth, CancellationToken cancellationToken = default)
    {
        var registry = new LocalRegistry(auth, Directory.CreateTempSubdirectory("sgreg-").FullName);
        try
        {
            await registry.StartCoreAsync(cancellationToken);
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    /// <summary>A reference to <paramref name="repository"/>:<paramref name="tag"/> in this registry.</summary>
    public string Reference(string repository, string tag) => $"{Host}/{repository}:{tag}";

    /// <summary>An HTTP client for the registry's API that trusts only its CA (no credentials; add them per request).</summary>
    public HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        if (_authority is { Authority: var authority })
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsIssuedBy(certificate, errors, authority);
        }
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// A fresh docker config folder logged in to this registry through <paramref name="engine"/> (null: the main
    /// engine), with <c>docker login</c> itself; for an anonymous registry, a folder with no credentials.
    /// </summary>
    public async Task<TempDockerConfig> LoginAsync(IReadOnlyDictionary<string, string?>? engine = null, CancellationToken cancellationToken = default)
    {
        var config = TempDockerConfig.Create();
        try
        {
            if (Username is not null)
            {
                await config.DockerAsync(engine, ["login", "--username", Username, "--password-stdin", Host], Password, cancellationToken);
            }
            return config;
        }
        catch
        {
            config.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Pushes a local image of <paramref name="engine"/> (null: the main engine) as <paramref name="repository"/>:<paramref name="tag"/>
    /// with <paramref name="config"/>'s credentials; the temporary tag is removed from the engine again.
    /// </summary>
    public async Task<PushedImage> PushAsync(
        string image, string repository, string tag, TempDockerConfig config, IReadOnlyDictionary<string, string?>? engine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reference = Reference(repository, tag);
        await config.DockerAsync(engine, ["tag", image, reference], cancellationToken: cancellationToken);
        try
        {
            var output = await config.DockerAsync(engine, ["push", reference], cancellationToken: cancellationToken);
            var digest = PushedDigest().Match(output);
            return digest.Success
                ? new PushedImage(reference, repository, tag, digest.Groups[1].Value)
                : throw new InvalidOperationException($"docker push {reference} printed no digest: {output}");
        }
        finally
        {
            await FixtureCommand.TryRunAsync("docker", ["image", "rm", reference], config.With(engine), cancellationToken: CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_registry is not null)
        {
            await FixtureCommand.StopAsync(_registry);
        }
        if (_tokens is not null)
        {
            await _tokens.DisposeAsync();
        }
        if (_trustFolder is not null && Directory.Exists(_trustFolder))
        {
            Directory.Delete(_trustFolder, recursive: true);
        }
        if (_bridge is not null)
        {
            await _bridge.DisposeAsync();
        }
        _serverCertificate?.Dispose();
        _authority?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var config = new StringBuilder();
        config.Append(CultureInfo.InvariantCulture, $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_folder, "data")}
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              secret: {Guid.NewGuid():N}

            """);
        if (Auth == RegistryAuth.None)
        {
            Host = $"127.0.0.1:{TestBridge.FreePort(IPAddress.Loopback)}";
            config.Append(CultureInfo.InvariantCulture, $"  addr: {Host}\n");
        }
        else
        {
            _bridge = await TestBridge.CreateAsync(30, cancellationToken);
            Host = $"{_bridge.Address}:{_bridge.FreePort()}";
            _authority = TestCertificates.CreateAuthority("stagegate test registry CA");
            CaFile = _authority.WriteAuthority(Path.Combine(_folder, "ca.pem"));
            // Kept until disposal: the token endpoint presents it at every handshake.
            var server = _serverCertificate = _authority.IssueServer(_bridge.Address);
            var certificate = Path.Combine(_folder, "registry.crt");
            var key = Path.Combine(_folder, "registry.key");
            TestCertificates.Write(server, certificate, key);
            Username = "stagegate";
            Password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
            config.Append(CultureInfo.InvariantCulture, $"""
                  addr: {Host}
                  tls:
                    certificate: {certificate}
                    key: {key}
                auth:

                """);
            if (Auth == RegistryAuth.Basic)
            {
                var htpasswd = Path.Combine(_folder, "htpasswd");
                // -B: bcrypt, the only hash distribution's htpasswd auth accepts.
                var line = await FixtureCommand.RunAsync("htpasswd", ["-Bbn", Username, Password], cancellationToken: cancellationToken);
                await File.WriteAllTextAsync(htpasswd, line.Trim() + "\n", cancellationToken);
                config.Append(CultureInfo.InvariantCulture, $"""
                      htpasswd:
                        realm: stagegate-test
                        path: {htpasswd}

                    """);
            }
            else
            {
                var bundle = Path.Combine(_folder, "token-signer.pem");
                _tokens = await RegistryTokenService.StartAsync(_bridge.Address, server, Username, Password, bundle, cancellationToken);
                config.Append(CultureInfo.InvariantCulture, $"""
                      token:
                        realm: {_tokens.Realm}
                        service: {RegistryTokenService.Service}
                        issuer: {RegistryTokenService.Issuer}
                        rootcertbundle: {bundle}

                    """);
            }
            // Every engine on the machine reads this folder at each push and pull; no restart needed.
            _trustFolder = Path.Combine(CertsD, Host);
            Directory.CreateDirectory(_trustFolder);
            File.Copy(CaFile, Path.Combine(_trustFolder, "ca.crt"), overwrite: true);
        }
        var configFile = Path.Combine(_folder, "config.yml");
        await File.WriteAllTextAsync(configFile, config.ToString(), cancellationToken);

        var clock = Stopwatch.StartNew();
        _registry = FixtureCommand.StartService("/usr/bin/docker-registry", ["serve", configFile], _log);
        await WaitUntilAnsweringAsync(cancellationToken);
        ReadyAfter = clock.Elapsed;
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = CreateHttpClient();
        var deadline = DateTime.UtcNow + ReadyWithin;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("v2/", UriKind.Relative), cancellationToken);
                // 401 is a registry that answers and wants credentials: ready.
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!_registry!.HasExited && DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException(Failure(), e);
            }
            if (_registry!.HasExited || DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException(Failure());
            }
            await Task.Delay(10, cancellationToken);
        }
    }

    private string Failure()
    {
        lock (_log)
        {
            return $"docker-registry at {Host} did not answer GET /v2/ within {ReadyWithin.TotalSeconds} s " +
                $"({(_registry!.HasExited ? $"it exited with code {_registry.ExitCode}" : "it is still running")}); its log:\n{_log}";
        }
    }

    private static bool IsIssuedBy(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 authority)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    [GeneratedRegex(@"digest: (sha256:[0-9a-f]{64})")]
    private static partial Regex PushedDigest();
}
