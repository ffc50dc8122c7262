using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// An ssh server of a test's own standing in for a build server reached by <c>DOCKER_HOST=ssh://…</c>: Debian's
/// sshd started with a generated config on a free port of 127.0.0.1 (the machine's sshd and its config are not
/// touched), a generated host key and a client key authorised for root, whose sessions reach
/// <paramref name="remoteDocker"/>'s engine (sshd's <c>SetEnv</c>), so <c>docker system dial-stdio</c> over ssh
/// lands there. ssh takes its config from the user's home in the password database, never from <c>$HOME</c>,
/// so the client side is an <c>ssh</c> on <c>PATH</c> that adds <c>-F</c> with the fixture's config (key, port,
/// known host), as a user's <c>~/.ssh/config</c> would. Disposing stops sshd and deletes the folder.
/// </summary>
internal sealed class ThrowawaySshd : IAsyncDisposable
{
    /// <summary>The host alias the client config defines; docker passes it to ssh as it is.</summary>
    public const string Alias = "stagegate-build-server";

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _log = new();
    private readonly string _folder;
    private Process? _sshd;
    private int _port;

    private ThrowawaySshd(string folder) => _folder = folder;

    /// <summary>The value of <c>DOCKER_HOST</c> that reaches the engine through this server.</summary>
    public string DockerHost => $"ssh://root@{Alias}";

    /// <summary>How long sshd took from process start to sending its banner.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>
    /// The variables for a docker client going through this server: <c>DOCKER_HOST=ssh://…</c>, no TLS variables,
    /// and <c>PATH</c> starting with the folder of the configured <c>ssh</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["DOCKER_HOST"] = DockerHost,
        ["DOCKER_TLS_VERIFY"] = null,
        ["DOCKER_CERT_PATH"] = null,
        ["DOCKER_CONTEXT"] = null,
        ["PATH"] = Path.Combine(_folder, "bin") + ":" + System.Environment.GetEnvironmentVariable("PATH"),
    };

    public static string? WhyUnavailable() => FixturePrerequisites.WhyMissing(
        ("/usr/sbin/sshd", "openssh-server"), ("/usr/bin/ssh", "openssh-client"), ("/usr/bin/ssh-keygen", "openssh-client"));

    /// <param name="remoteDocker">The docker variables a session on the server gets (e.g. a <see cref="TlsEngine"/>'s).</param>
    public static async Task<ThrowawaySshd> StartAsync(IReadOnlyDictionary<string, string?> remoteDocker, CancellationToken cancellationToken = default)
    {
        var sshd = new ThrowawaySshd(Directory.CreateTempSubdirectory("sgssh-").FullName);
        try
        {
            await sshd.StartCoreAsync(remoteDocker, cancellationToken);
            return sshd;
        }
        catch
        {
            await sshd.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops sshd at once, as a build server that went down; its folder stays until disposal.</summary>
    public void Kill() => _sshd?.Kill();

    public async ValueTask DisposeAsync()
    {
        if (_sshd is not null)
        {
            await FixtureCommand.StopAsync(_sshd);
        }
        // Sessions sshd forked (one per docker call) end with their connection; any still running name the folder.
        await DaemonLeftovers.RemoveAsync(_folder);
    }

    private async Task StartCoreAsync(IReadOnlyDictionary<string, string?> remoteDocker, CancellationToken cancellationToken)
    {
        var hostKey = Path.Combine(_folder, "host_ed25519");
        var clientKey = Path.Combine(_folder, "client_ed25519");
        foreach (var key in new[] { hostKey, clientKey })
        {
            await FixtureCommand.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "stagegate-test", "-f", key], cancellationToken: cancellationToken);
        }
        var authorizedKeys = Path.Combine(_folder, "authorized_keys");
        File.Copy(clientKey + ".pub", authorizedKeys);
        _port = TestBridge.FreePort(IPAddress.Loopback);

        var environment = string.Join(' ', remoteDocker.Where(v => v.Value is not null).Select(v => $"{v.Key}={v.Value}"));
        var serverConfig = Path.Combine(_folder, "sshd_config");
        await File.WriteAllTextAsync(serverConfig, string.Create(CultureInfo.InvariantCulture, $"""
            ListenAddress 127.0.0.1:{_port}
            HostKey {hostKey}
            PidFile {Path.Combine(_folder, "sshd.pid")}
            AuthorizedKeysFile {authorizedKeys}
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            SetEnv {environment}

            """), cancellationToken);

        var clientConfig = Path.Combine(_folder, "ssh_config");
        var knownHosts = Path.Combine(_folder, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, $"[127.0.0.1]:{_port} {(await File.ReadAllTextAsync(hostKey + ".pub", cancellationToken)).Trim()}\n", cancellationToken);
        await File.WriteAllTextAsync(clientConfig, string.Create(CultureInfo.InvariantCulture, $"""
            Host {Alias}
              HostName 127.0.0.1
              Port {_port}
              IdentityFile {clientKey}
              IdentitiesOnly yes
              UserKnownHostsFile {knownHosts}
              StrictHostKeyChecking yes
              BatchMode yes

            """), cancellationToken);
        var bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        var ssh = Path.Combine(bin, "ssh");
        await File.WriteAllTextAsync(ssh, $"#!/bin/sh\nexec /usr/bin/ssh -F '{clientConfig}' \"$@\"\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ssh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // sshd refuses to start without its privilege separation folder, which only its service script creates.
        Directory.CreateDirectory("/run/sshd");
        var clock = Stopwatch.StartNew();
        // -D: stay in the foreground as our child; -e: log to stderr, kept for a failure message.
        _sshd = FixtureCommand.StartService("/usr/sbin/sshd", ["-D", "-e", "-f", serverConfig], _log);
        await WaitForBannerAsync(cancellationToken);
        ReadyAfter = clock.Elapsed;
    }

    private async Task WaitForBannerAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyWithin;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port, cancellationToken);
                var buffer = new byte[64];
                var read = await client.GetStream().ReadAsync(buffer, cancellationToken);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("SSH-", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (!_sshd!.HasExited && DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            if (_sshd!.HasExited || DateTime.UtcNow >= deadline)
            {
                lock (_log)
                {
                    throw new InvalidOperationException(
                        $"sshd on 127.0.0.1:{_port} sent no banner within {ReadyWithin.TotalSeconds} s " +
                        $"({(_sshd.HasExited ? $"it exited with code {_sshd.ExitCode}" : "it is still running")}); its log:\n{_log}");
                }
            }
            await Task.Delay(20, cancellationToken);
        }
    }
}
