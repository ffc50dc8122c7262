using System.Diagnostics;
using StageGate.Diagnostics;
using StageGate.Engine;
using StageGate.Processes;
using Xunit.Abstractions;

namespace StageGate.IntegrationTests.Engine;

/// <summary>The Engine client against the real daemon at the endpoint the docker CLI would use.</summary>
public sealed class EngineClientIntegrationTests(ITestOutputHelper output)
{
    // Seeded on every StageGate machine (build/ provisions it when it cannot be pulled).
    private const string Busybox = "busybox:latest";

    [Fact]
    public async Task The_daemon_answers_a_ping_and_names_its_version()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var client = new EngineClient(DockerEndpoint.Resolve());

        await client.PingAsync();
        var version = await client.GetVersionAsync();

        Assert.NotEmpty(version.Version);
        Assert.Matches(@"^1\.\d+$", version.ApiVersion);
        Assert.Equal(EngineClient.Negotiate(version.ApiVersion), client.ApiVersion);
        Assert.NotEmpty(version.Os);
        Assert.NotEmpty(version.Architecture);
    }

    [Fact]
    public async Task Inspecting_busybox_reads_its_size_and_layers()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var client = new EngineClient(DockerEndpoint.Resolve());

        var image = await client.InspectImageAsync(Busybox);

        Assert.NotNull(image);
        Assert.StartsWith("sha256:", image.Id, StringComparison.Ordinal);
        Assert.Contains(Busybox, image.RepoTags);
        Assert.True(image.Size > 0, $"size {image.Size}");
        Assert.NotEmpty(image.Layers);
        Assert.All(image.Layers, layer => Assert.StartsWith("sha256:", layer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inspecting_an_image_the_daemon_does_not_have_returns_null()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var client = new EngineClient(DockerEndpoint.Resolve());

        Assert.Null(await client.InspectImageAsync($"stagegate-no-such-image:{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task Busyboxs_history_adds_up_to_its_size()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var client = new EngineClient(DockerEndpoint.Resolve());
        var image = await client.InspectImageAsync(Busybox);
        Assert.NotNull(image);

        var history = await client.GetImageHistoryAsync(Busybox);

        Assert.NotEmpty(history);
        Assert.Contains(Busybox, history[0].Tags);
        Assert.Equal(image.Size, history.Sum(layer => layer.Size));
    }

    [Fact]
    public async Task Removing_a_tagged_copy_untags_it_and_leaves_the_original()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var client = new EngineClient(DockerEndpoint.Resolve());
        var copy = await TagACopyOfBusyboxAsync();
        try
        {
            Assert.Contains(copy, (await client.InspectImageAsync(copy))!.RepoTags);

            var removed = await client.RemoveImageAsync(copy);

            Assert.Equal([new RemovedImage(copy, null)], removed);
            Assert.Null(await client.InspectImageAsync(copy));
            Assert.NotNull(await client.InspectImageAsync(Busybox));
        }
        finally
        {
            await client.RemoveImageAsync(copy);
        }
    }

    [Fact]
    public async Task Removing_an_image_by_id_while_two_tags_name_it_is_SG2005_with_the_daemons_conflict()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var client = new EngineClient(DockerEndpoint.Resolve());
        var copy = await TagACopyOfBusyboxAsync();
        try
        {
            var id = (await client.InspectImageAsync(Busybox))!.Id;

            var error = await Assert.ThrowsAsync<StageGateException>(() => client.RemoveImageAsync(id));

            Assert.Equal(Codes.EngineRequestFailed.Code, error.Code);
            Assert.Contains("409", error.Message, StringComparison.Ordinal);
            Assert.Contains("conflict", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(await client.InspectImageAsync(Busybox));
        }
        finally
        {
            await client.RemoveImageAsync(copy);
        }
    }

    [Fact]
    public async Task A_context_made_current_by_docker_context_use_is_resolved_and_reached()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var daemon = DockerEndpoint.Resolve();
        var configDir = Directory.CreateTempSubdirectory("sg-docker-config-").FullName;
        try
        {
            // Let the real CLI write the context store and config.json that resolution must read.
            await DockerCliAsync(configDir, "context", "create", "stagegate-it", "--docker", $"host={daemon.Host.OriginalString}");
            await DockerCliAsync(configDir, "context", "use", "stagegate-it");

            var endpoint = DockerEndpoint.Resolve(name => name == "DOCKER_CONFIG" ? configDir : null, configDir, OperatingSystem.IsWindows());
            using var client = new EngineClient(endpoint);
            await client.PingAsync();

            Assert.Equal(daemon.Host.OriginalString, endpoint.Host.OriginalString);
            Assert.StartsWith("context 'stagegate-it' (currentContext in ", endpoint.Source, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(configDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_DOCKER_HOST_pointing_at_a_dead_socket_fails_with_SG2003_within_seconds()
    {
        var folder = Directory.CreateTempSubdirectory("sg-dead-host-").FullName;
        try
        {
            var dockerHost = "unix://" + Path.Combine(folder, "docker.sock");
            var endpoint = DockerEndpoint.Resolve(
                name => name == "DOCKER_HOST" ? dockerHost : null, folder, OperatingSystem.IsWindows());
            using var client = new EngineClient(endpoint);
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

            Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
            Assert.Contains($"DOCKER_HOST={dockerHost}", error.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_DOCKER_HOST_pointing_at_a_closed_tcp_port_fails_with_SG2003_within_seconds()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var endpoint = DockerEndpoint.Resolve(name => name == "DOCKER_HOST" ? "tcp://127.0.0.1:1" : null, Path.GetTempPath(), OperatingSystem.IsWindows());
        using var client = new EngineClient(endpoint);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StageGateException>(() => client.GetVersionAsync());

        Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
        Assert.Contains("DOCKER_HOST=tcp://127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private async Task DockerCliAsync(string configDir, params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOCKER_CONFIG"] = configDir;
        start.Environment.Remove("DOCKER_HOST");
        start.Environment.Remove("DOCKER_CONTEXT");
        using var docker = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = docker.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = docker.StandardError.ReadToEndAsync(timeout.Token);
        await docker.WaitForExitAsync(timeout.Token);
        output.WriteLine($"docker {string.Join(' ', arguments)}: {await stdout}{await stderr}");
        Assert.Equal(0, docker.ExitCode);
    }

    /// <summary>A second, unique tag on busybox, for tests that remove images without touching busybox itself.</summary>
    private static async Task<string> TagACopyOfBusyboxAsync()
    {
        var copy = $"stagegate-engine-test:{Guid.NewGuid():N}";
        var tagged = await ProcessRunner.RunAsync(new ProcessCommand("docker").WithArguments("image", "tag", Busybox, copy));
        Assert.Equal(0, tagged.ExitCode);
        return copy;
    }
}
