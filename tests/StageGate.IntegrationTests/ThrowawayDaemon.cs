using System.Diagnostics;
using System.Globalization;
using StageGate.Engine;
using StageGate.Processes;

namespace StageGate.IntegrationTests;

/// <summary>
/// A dockerd of a test's own, for tests that break a daemon (kill it mid-build): its own socket, data and exec
/// roots, pid file and bridge under one temp folder, seeded with busybox from the shared daemon (nothing can be
/// pulled). The shared daemon is never touched. Disposing kills every process the daemon left (containerd, shims)
/// and removes the bridge and the folder.
/// </summary>
internal sealed class ThrowawayDaemon : IAsyncDisposable
{
    private static int _bridges;

    private readonly Process _dockerd;
    private readonly string _bridge;

    private ThrowawayDaemon(string root, string bridge, Process dockerd)
    {
        Root = root;
        _bridge = bridge;
        _dockerd = dockerd;
    }

    /// <summary>The folder everything of this daemon lives in; its processes name it in their command lines.</summary>
    public string Root { get; }

    /// <summary>The value of <c>DOCKER_HOST</c> that reaches this daemon.</summary>
    public string Host => "unix://" + Path.Combine(Root, "docker.sock");

    /// <summary>Whether root and dockerd are here; a reason to stop when they are not (a failure when CI=true).</summary>
    public static string? WhyUnavailable() =>
        Environment.UserName != "root" ? "a throwaway dockerd needs root"
            : !File.Exists("/usr/sbin/dockerd") && !File.Exists("/usr/bin/dockerd") ? "dockerd is not installed"
            : null;

    public static async Task<ThrowawayDaemon> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = Directory.CreateTempSubdirectory("sgd-").FullName;
        // Bridge names are at most 15 characters and must not clash with another test process's.
        var bridge = "sgt" + ((Environment.ProcessId % 1000 * 10) + Interlocked.Increment(ref _bridges)).ToString(CultureInfo.InvariantCulture);
        var subnet = 200 + (Environment.ProcessId + _bridges) % 50;
        await RunAsync("ip", ["link", "add", "name", bridge, "type", "bridge"], cancellationToken);
        await RunAsync("ip", ["addr", "add", $"192.168.{subnet}.1/24", "dev", bridge], cancellationToken);
        await RunAsync("ip", ["link", "set", bridge, "up"], cancellationToken);
        var start = new ProcessStartInfo("dockerd") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--host", "unix://" + Path.Combine(root, "docker.sock"), "--data-root", Path.Combine(root, "data"),
            "--exec-root", Path.Combine(root, "exec"), "--pidfile", Path.Combine(root, "docker.pid"),
            "--bridge", bridge, "--iptables=false", "--ip-masq=false",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var dockerd = Process.Start(start)!;
        // Its log goes nowhere, but must be read or a full pipe stalls it.
        _ = dockerd.StandardError.ReadToEndAsync(cancellationToken);
        _ = dockerd.StandardOutput.ReadToEndAsync(cancellationToken);
        var daemon = new ThrowawayDaemon(root, bridge, dockerd);
        try
        {
            await daemon.WaitUntilAnsweringAsync(cancellationToken);
            await Remote.FixtureCommand.PipeAsync(
                ("docker", ["save", "busybox:latest"], null),
                ("docker", ["load", "--quiet"], new Dictionary<string, string?> { ["DOCKER_HOST"] = daemon.Host }),
                cancellationToken);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills dockerd at once (SIGKILL), as a crash or an OOM kill would; its containerd lives on until disposal.</summary>
    public void Kill() => _dockerd.Kill();

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var client = new EngineClient(DockerEndpoint.Resolve(name => name == "DOCKER_HOST" ? Host : null, Root, isWindows: false));
                await client.PingAsync(cancellationToken);
                return;
            }
            catch (Diagnostics.StageGateException) when (DateTime.UtcNow < deadline && !_dockerd.HasExited)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_dockerd.HasExited)
        {
            _dockerd.Kill();
            await _dockerd.WaitForExitAsync();
        }
        _dockerd.Dispose();
        await DaemonLeftovers.RemoveAsync(Root);
        await RunAsync("ip", ["link", "delete", _bridge], CancellationToken.None);
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand(program).WithArguments(arguments), OutputTarget.Null, OutputTarget.Null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with code {result.ExitCode}");
        }
    }
}
