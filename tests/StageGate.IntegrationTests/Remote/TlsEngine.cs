using System.Diagnostics;
using System.Text;
using StageGate.Engine;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// A second Docker engine standing in for a build server: a dockerd of its own listening only on
/// <c>tcp://&lt;bridge ip&gt;:&lt;port&gt;</c> with <c>--tlsverify</c> (a per-run CA, server and client certificates),
/// its own data root, exec root, pid file, containerd (started by dockerd under the exec root) and bridge
/// (so <c>RUN</c> gets a network), seeded with base images from the main engine (nothing can be pulled).
/// Clients reach it with <see cref="Environment"/> or a docker context (<see cref="CreateContextAsync"/>).
/// Disposing kills the daemon and everything it started, unmounts, removes the bridge and the folder.
/// </summary>
internal sealed class TlsEngine : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _log = new();
    private Process? _dockerd;
    private TestBridge? _bridge;

    private TlsEngine(string root) => Root = root;

    /// <summary>The folder everything of this engine lives in; its processes name it in their command lines.</summary>
    public string Root { get; }

    /// <summary>The engine's address, as <c>DOCKER_HOST</c> takes it: <c>tcp://ip:port</c>.</summary>
    public string Host { get; private set; } = "";

    /// <summary>The folder with the client's <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> (<c>DOCKER_CERT_PATH</c>).</summary>
    public string CertPath => Path.Combine(Root, "client");

    /// <summary>How long dockerd took from process start to answering a ping over TLS.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>How long copying the base images from the main engine took (<c>docker save | docker load</c>).</summary>
    public TimeSpan ImagesLoadedAfter { get; private set; }

    /// <summary>
    /// The variables that point docker, buildx and StageGate at this engine, as a CI runner's build-server
    /// setup does: <c>DOCKER_HOST</c>, <c>DOCKER_TLS_VERIFY=1</c>, <c>DOCKER_CERT_PATH</c> (and no <c>DOCKER_CONTEXT</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["DOCKER_HOST"] = Host,
        ["DOCKER_TLS_VERIFY"] = "1",
        ["DOCKER_CERT_PATH"] = CertPath,
        ["DOCKER_CONTEXT"] = null,
    };

    public static string? WhyUnavailable() =>
        ThrowawayDaemon.WhyUnavailable() ?? FixturePrerequisites.WhyMissing();

    /// <summary>Starts the engine and copies <paramref name="images"/> (default: busybox) into it from the main engine.</summary>
    public static async Task<TlsEngine> StartAsync(IReadOnlyList<string>? images = null, CancellationToken cancellationToken = default)
    {
        var engine = new TlsEngine(Directory.CreateTempSubdirectory("sgtls-").FullName);
        try
        {
            await engine.StartCoreAsync(images ?? ["busybox:latest"], cancellationToken);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates a docker context named <paramref name="name"/> for this engine (host and TLS files) in
    /// <paramref name="config"/>, and makes it current there with <c>docker context use</c> when <paramref name="use"/>.
    /// </summary>
    public async Task CreateContextAsync(TempDockerConfig config, string name, bool use = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var docker = $"host={Host},ca={Path.Combine(CertPath, "ca.pem")},cert={Path.Combine(CertPath, "cert.pem")},key={Path.Combine(CertPath, "key.pem")}";
        var clean = new Dictionary<string, string?> { ["DOCKER_HOST"] = null, ["DOCKER_CONTEXT"] = null };
        await config.DockerAsync(clean, ["context", "create", name, "--docker", docker], cancellationToken: cancellationToken);
        if (use)
        {
            await config.DockerAsync(clean, ["context", "use", name], cancellationToken: cancellationToken);
        }
    }

    /// <summary>An Engine API client for this engine, through StageGate's own TLS transport.</summary>
    public EngineClient CreateClient() =>
        new(DockerEndpoint.Resolve(name => Environment.TryGetValue(name, out var value) ? value : null, Root, isWindows: false));

    /// <summary>Kills dockerd at once (SIGKILL), as a crashed or rebooted build server would; its containerd lives on until disposal.</summary>
    public void Kill() => _dockerd?.Kill();

    public async ValueTask DisposeAsync()
    {
        if (_dockerd is not null)
        {
            await FixtureCommand.StopAsync(_dockerd);
        }
        await DaemonLeftovers.RemoveAsync(Root);
        if (_bridge is not null)
        {
            await _bridge.DisposeAsync();
        }
    }

    private async Task StartCoreAsync(IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        _bridge = await TestBridge.CreateAsync(28, cancellationToken);
        var port = _bridge.FreePort();
        Host = $"tcp://{_bridge.Address}:{port}";
        var server = Path.Combine(Root, "server");
        Directory.CreateDirectory(server);
        Directory.CreateDirectory(CertPath);
        using (var authority = TestCertificates.CreateAuthority("stagegate test engine CA"))
        {
            authority.WriteAuthority(Path.Combine(server, "ca.pem"));
            authority.WriteAuthority(Path.Combine(CertPath, "ca.pem"));
            using var serverCertificate = authority.IssueServer(_bridge.Address);
            TestCertificates.Write(serverCertificate, Path.Combine(server, "cert.pem"), Path.Combine(server, "key.pem"));
            using var client = authority.IssueClient("stagegate test client");
            TestCertificates.Write(client, Path.Combine(CertPath, "cert.pem"), Path.Combine(CertPath, "key.pem"));
        }
        // Its own (empty) daemon.json: the machine's may name hosts or settings meant for the main engine.
        var daemonJson = Path.Combine(Root, "daemon.json");
        await File.WriteAllTextAsync(daemonJson, "{}", cancellationToken);

        var clock = Stopwatch.StartNew();
        _dockerd = FixtureCommand.StartService("dockerd",
        [
            "--config-file", daemonJson,
            "--host", Host, "--tlsverify",
            "--tlscacert", Path.Combine(server, "ca.pem"), "--tlscert", Path.Combine(server, "cert.pem"), "--tlskey", Path.Combine(server, "key.pem"),
            "--data-root", Path.Combine(Root, "data"), "--exec-root", Path.Combine(Root, "exec"), "--pidfile", Path.Combine(Root, "docker.pid"),
            "--bridge", _bridge.Name, "--iptables=false", "--ip-masq=false",
        ], _log);
        await WaitUntilAnsweringAsync(cancellationToken);
        ReadyAfter = clock.Elapsed;

        if (images.Count == 0)
        {
            return;
        }
        clock.Restart();
        await FixtureCommand.PipeAsync(
            ("docker", ["save", .. images], new Dictionary<string, string?>()),
            ("docker", ["load", "--quiet"], Environment),
            cancellationToken);
        ImagesLoadedAfter = clock.Elapsed;
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyWithin;
        while (true)
        {
            try
            {
                using var client = CreateClient();
                await client.PingAsync(cancellationToken);
                return;
            }
            catch (Diagnostics.StageGateException) when (!_dockerd!.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (Diagnostics.StageGateException e)
            {
                lock (_log)
                {
                    throw new InvalidOperationException(
                        $"dockerd at {Host} did not answer a TLS ping within {ReadyWithin.TotalSeconds} s " +
                        $"({(_dockerd!.HasExited ? $"it exited with code {_dockerd.ExitCode}" : "it is still running")}): {e.Message}; its log:\n{_log}", e);
                }
            }
        }
    }
}
