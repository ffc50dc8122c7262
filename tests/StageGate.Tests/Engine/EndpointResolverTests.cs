using StageGate.Engine;
using StageGate.Measurement;

namespace StageGate.Tests.Engine;

/// <summary>Measuring talks to the same daemon as the docker executable that builds.</summary>
public sealed class EndpointResolverTests
{
    private static readonly DockerEndpoint FromEnvironment =
        new(new Uri("unix:///run/from-environment.sock"), EndpointSourceKind.DockerHost, "DOCKER_HOST=unix:///run/from-environment.sock", CanSpeak: true);

    [Fact]
    public async Task The_default_docker_resolves_the_endpoint_from_the_environment_without_being_asked()
    {
        var endpoint = await EndpointResolver.ResolveAsync(EndpointResolver.DefaultDocker, () => FromEnvironment, CancellationToken.None);

        Assert.Same(FromEnvironment, endpoint);
    }

    [Fact]
    public async Task A_configured_docker_is_asked_which_context_endpoint_it_uses()
    {
        using var docker = new FakeDocker(("context", FakeDocker.ContextAnswer("remote", "unix:///run/remote/docker.sock"), 0));

        var endpoint = await EndpointResolver.ResolveAsync(docker.Path, () => FromEnvironment, CancellationToken.None);

        Assert.Equal("unix:///run/remote/docker.sock", endpoint?.Host.OriginalString);
        Assert.Equal(EndpointSourceKind.DockerExecutable, endpoint?.Kind);
        Assert.Equal($"`{docker.Path} context inspect` (context 'remote')", endpoint?.Source);
        Assert.Equal(["context inspect --format {{json .}}"], docker.Calls);
    }

    [Fact]
    public async Task A_configured_docker_whose_context_inspect_fails_leaves_the_daemon_to_that_docker()
    {
        using var docker = new FakeDocker(("context", "", 1));

        Assert.Null(await EndpointResolver.ResolveAsync(docker.Path, () => FromEnvironment, CancellationToken.None));
    }

    [Fact]
    public async Task A_tcp_endpoint_whose_TLS_files_only_the_configured_docker_knows_is_left_to_that_docker()
    {
        using var docker = new FakeDocker(("context", FakeDocker.ContextAnswer("default", "tcp://build-box:2376"), 0));

        var endpoint = await EndpointResolver.ResolveAsync(docker.Path, () => FromEnvironment, CancellationToken.None);

        Assert.Equal("tcp://build-box:2376", endpoint?.Host.OriginalString);
        Assert.False(endpoint?.CanSpeak);
    }

    [Fact]
    public async Task Measuring_with_a_configured_docker_reads_the_image_from_the_Engine_API_of_its_context()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(request => request.Target.Contains("/images/", StringComparison.Ordinal)
            ? FakeResponse.Json("""{"Id":"sha256:from-engine","RepoTags":["app:final"],"RepoDigests":[],"Size":42,"Os":"linux","Architecture":"amd64","RootFS":{"Layers":[]}}""")
            : new FakeResponse(200, "OK"));
        using var docker = new FakeDocker(("context", FakeDocker.ContextAnswer("remote", daemon.Host), 0));
        using var store = ImageMeasurer.OpenStore(docker.Path);

        var image = await store.InspectAsync("app:final", CancellationToken.None);

        Assert.Equal("sha256:from-engine", image?.Id);
        Assert.Contains(daemon.Log, r => r.EndsWith("/images/app:final/json", StringComparison.Ordinal));
        Assert.DoesNotContain(docker.Calls, c => c.StartsWith("image", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Measuring_with_a_configured_docker_whose_context_inspect_fails_goes_through_that_docker()
    {
        using var docker = new FakeDocker(
            ("context", "", 1),
            ("image", """{"Id":"sha256:from-cli","RepoTags":["app:final"],"RepoDigests":[],"Size":42,"Os":"linux","Architecture":"amd64","RootFS":{"Layers":[]}}""", 0));
        using var store = ImageMeasurer.OpenStore(docker.Path);

        var image = await store.InspectAsync("app:final", CancellationToken.None);

        Assert.Equal("sha256:from-cli", image?.Id);
        Assert.Contains("image inspect --format {{json .}} app:final", docker.Calls);
    }
}
