using System.Diagnostics;
using System.Net.Sockets;
using StageGate.Diagnostics;
using StageGate.Engine;

namespace StageGate.Tests.Engine;

public sealed class EngineClientTests
{
    // Shapes as dockerd 20.10 (API 1.41) answers them, trimmed to the fields that matter.
    private const string VersionJson = """
        {"Version":"20.10.24+dfsg1","ApiVersion":"1.41","MinAPIVersion":"1.12","Os":"linux","Arch":"amd64","KernelVersion":"6.1.0"}
        """;

    private const string BusyboxJson = """
        {"Id":"sha256:0add4551f5869e2a0bcdd87c0130e1fc7fbcbe9921e7768e07b5f258e9c262a1","RepoTags":["busybox:latest"],"RepoDigests":null,
         "Created":"2026-11-23T05:23:15.570855034Z","Architecture":"amd64","Os":"linux","Size":1984172,"VirtualSize":1984172,
         "RootFS":{"Type":"layers","Layers":["sha256:46ccce9f5fc878f0834d4e655689cec7180cb6a10a988e4590e3732da2d02dff"]}}
        """;

    private const string HistoryJson = """
        [{"Comment":"buildkit.dockerfile.v0","Created":1795411395,"CreatedBy":"COPY app /app # buildkit","Id":"sha256:3409c15a17c1","Size":4096,"Tags":["app:final"]},
         {"Comment":"Imported from -","Created":1795411000,"CreatedBy":"","Id":"<missing>","Size":1984172,"Tags":null}]
        """;

    [Fact]
    public async Task The_first_request_negotiates_the_daemons_API_version_into_the_path()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping" ? new FakeResponse(200, "OK") : FakeResponse.Json(VersionJson));
        using var client = new EngineClient(daemon.Endpoint);

        await client.GetVersionAsync();

        Assert.Equal(["GET /_ping", "GET /v1.41/version"], daemon.Log);
    }

    [Fact]
    public async Task A_newer_daemon_is_spoken_to_at_the_newest_API_version_StageGate_knows()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(_ => new FakeResponse(200, "OK", ApiVersion: "1.47"));
        using var client = new EngineClient(daemon.Endpoint);

        await client.PingAsync();

        Assert.Equal(EngineClient.NewestApiVersion, client.ApiVersion);
    }

    [Fact]
    public async Task A_daemon_that_does_not_name_its_API_version_is_spoken_to_at_1_24_like_the_CLI_does()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(_ => new FakeResponse(200, "OK", ApiVersion: null));
        using var client = new EngineClient(daemon.Endpoint);

        await client.PingAsync();

        Assert.Equal("1.24", client.ApiVersion);
    }

    [Fact]
    public async Task A_web_server_answering_the_ping_is_not_taken_for_a_docker_engine()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(_ => new FakeResponse(200, "<html>Welcome to nginx!</html>", ApiVersion: null));
        using var client = new EngineClient(daemon.Endpoint);

        var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

        Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
        Assert.Contains("not as a Docker engine", error.Message, StringComparison.Ordinal);
        Assert.Contains("Welcome to nginx!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_version_names_the_engine_its_API_and_its_platform()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping" ? new FakeResponse(200, "OK") : FakeResponse.Json(VersionJson));
        using var client = new EngineClient(daemon.Endpoint);

        var version = await client.GetVersionAsync();

        Assert.Equal(new EngineVersion("20.10.24+dfsg1", "1.41", "linux", "amd64"), version);
    }

    [Fact]
    public async Task Inspecting_an_image_reads_its_id_tags_size_date_platform_and_layers()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping" ? new FakeResponse(200, "OK") : FakeResponse.Json(BusyboxJson));
        using var client = new EngineClient(daemon.Endpoint);

        var image = await client.InspectImageAsync("busybox:latest");

        Assert.NotNull(image);
        Assert.Equal("sha256:0add4551f5869e2a0bcdd87c0130e1fc7fbcbe9921e7768e07b5f258e9c262a1", image.Id);
        Assert.Equal(["busybox:latest"], image.RepoTags);
        Assert.Empty(image.RepoDigests);
        Assert.Equal(1984172, image.Size);
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T05:23:15.5708550Z", System.Globalization.CultureInfo.InvariantCulture), image.Created);
        Assert.Equal(("linux", "amd64"), (image.Os, image.Architecture));
        Assert.Equal(["sha256:46ccce9f5fc878f0834d4e655689cec7180cb6a10a988e4590e3732da2d02dff"], image.Layers);
    }

    [Fact]
    public async Task Inspecting_an_image_the_daemon_does_not_have_returns_null()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping"
            ? new FakeResponse(200, "OK")
            : FakeResponse.Json("""{"message":"No such image: nope:latest"}""", 404));
        using var client = new EngineClient(daemon.Endpoint);

        Assert.Null(await client.InspectImageAsync("nope:latest"));
    }

    [Fact]
    public async Task Image_references_go_into_the_path_as_the_CLI_sends_them()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping" ? new FakeResponse(200, "OK") : FakeResponse.Json(BusyboxJson));
        using var client = new EngineClient(daemon.Endpoint);

        await client.InspectImageAsync("localhost:5000/team/app@sha256:abc");

        Assert.Equal("GET /v1.41/images/localhost:5000/team/app@sha256:abc/json", daemon.Log[^1]);
    }

    [Fact]
    public async Task History_lists_each_step_with_its_instruction_size_date_and_tags()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping" ? new FakeResponse(200, "OK") : FakeResponse.Json(HistoryJson));
        using var client = new EngineClient(daemon.Endpoint);

        var history = await client.GetImageHistoryAsync("app:final");

        Assert.Equal(
            [
                new ImageLayer("sha256:3409c15a17c1", DateTimeOffset.FromUnixTimeSeconds(1795411395), "COPY app /app # buildkit", 4096, "buildkit.dockerfile.v0", ["app:final"]),
                new ImageLayer("<missing>", DateTimeOffset.FromUnixTimeSeconds(1795411000), "", 1984172, "Imported from -", []),
            ],
            history,
            new LayerComparer());
        Assert.Equal("GET /v1.41/images/app:final/history", daemon.Log[^1]);
    }

    [Fact]
    public async Task Removing_an_image_reports_what_was_untagged_and_deleted()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping"
            ? new FakeResponse(200, "OK")
            : FakeResponse.Json("""[{"Untagged":"app:old"},{"Deleted":"sha256:3409c15a17c1"}]"""));
        using var client = new EngineClient(daemon.Endpoint);

        var removed = await client.RemoveImageAsync("app:old", force: true, noPrune: false);

        Assert.Equal([new RemovedImage("app:old", null), new RemovedImage(null, "sha256:3409c15a17c1")], removed);
        Assert.Equal("DELETE /v1.41/images/app:old?force=1&noprune=0", daemon.Log[^1]);
    }

    [Fact]
    public async Task Removing_an_image_the_daemon_does_not_have_removes_nothing()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping"
            ? new FakeResponse(200, "OK")
            : FakeResponse.Json("""{"message":"No such image: app:gone"}""", 404));
        using var client = new EngineClient(daemon.Endpoint);

        Assert.Empty(await client.RemoveImageAsync("app:gone"));
    }

    [Fact]
    public async Task Removing_an_image_in_use_is_SG2005_with_the_daemons_message()
    {
        const string Conflict = "conflict: unable to remove repository reference \"app:final\" (must force) - container 1f2e is using its referenced image 3409c15a17c1";
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping"
            ? new FakeResponse(200, "OK")
            : FakeResponse.Json($$"""{"message":{{System.Text.Json.JsonSerializer.Serialize(Conflict)}}}""", 409));
        using var client = new EngineClient(daemon.Endpoint);

        var error = await Assert.ThrowsAsync<StageGateException>(() => client.RemoveImageAsync("app:final"));

        Assert.Equal(Codes.EngineRequestFailed.Code, error.Code);
        Assert.Contains(Conflict, error.Message, StringComparison.Ordinal);
        Assert.Contains("409", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daemon_error_is_SG2005_with_the_daemons_message()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(r => r.Target == "/_ping"
            ? new FakeResponse(200, "OK")
            : FakeResponse.Json("""{"message":"layer store is corrupt"}""", 500));
        using var client = new EngineClient(daemon.Endpoint);

        var error = await Assert.ThrowsAsync<StageGateException>(() => client.InspectImageAsync("busybox"));

        Assert.Equal(Codes.EngineRequestFailed.Code, error.Code);
        Assert.Contains("layer store is corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_socket_is_SG2003_naming_the_endpoint_its_source_and_the_socket()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sg-missing-{Guid.NewGuid():N}.sock");
        var endpoint = new DockerEndpoint(new Uri("unix://" + path), EndpointSourceKind.DockerHost, "DOCKER_HOST=unix://" + path, CanSpeak: true);
        using var client = new EngineClient(endpoint);

        var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

        Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
        Assert.Contains($"the socket {path} does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("(DOCKER_HOST=unix://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_is_SG2003_saying_so()
    {
        var folder = Directory.CreateTempSubdirectory("sg-dead-").FullName;
        try
        {
            var path = Path.Combine(folder, "docker.sock");
            // Bound but not listening: the socket file exists and connecting to it is refused, as after a daemon crash.
            using var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            dead.Bind(new UnixDomainSocketEndPoint(path));
            using var client = new EngineClient(new DockerEndpoint(new Uri("unix://" + path), EndpointSourceKind.Default, "default", CanSpeak: true));

            var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

            Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
            Assert.Contains($"nothing is listening on {path}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_daemon_that_accepts_but_never_answers_is_SG2003_once_the_timeout_passes()
    {
        var folder = Directory.CreateTempSubdirectory("sg-silent-").FullName;
        try
        {
            var path = Path.Combine(folder, "docker.sock");
            using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            silent.Bind(new UnixDomainSocketEndPoint(path));
            silent.Listen(4); // connections queue but are never read from
            using var client = new EngineClient(new DockerEndpoint(new Uri("unix://" + path), EndpointSourceKind.Default, "default", CanSpeak: true), TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

            Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
            Assert.Contains("did not answer within 0.3 s", error.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Cancelling_a_call_cancels_it_rather_than_reporting_the_daemon_as_down()
    {
        await using var daemon = FakeDaemon.OnUnixSocket(_ => new FakeResponse(200, "OK"));
        using var client = new EngineClient(daemon.Endpoint);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PingAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public void An_endpoint_only_the_CLI_can_reach_is_refused_with_SG2003()
    {
        var ssh = new DockerEndpoint(new Uri("ssh://me@build-box"), EndpointSourceKind.DockerHost, "DOCKER_HOST=ssh://me@build-box", CanSpeak: false);

        var error = Assert.Throws<StageGateException>(() => new EngineClient(ssh));

        Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
        Assert.Contains("docker CLI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TLS_daemon_is_reached_with_the_client_certificate_and_trusted_through_ca_pem()
    {
        using var certificates = TestCertificates.Create();
        await using var daemon = FakeDaemon.OnTls(certificates.Server, _ => new FakeResponse(200, "OK"));
        var endpoint = new DockerEndpoint(new Uri(daemon.Host), EndpointSourceKind.DockerHost, "DOCKER_HOST=" + daemon.Host, CanSpeak: true)
        {
            Tls = DockerTls.FromFolder(certificates.Folder, skipVerify: false, requireCa: true),
        };
        using var client = new EngineClient(endpoint);

        await client.PingAsync();

        Assert.True(daemon.SawClientCertificate);
    }

    [Fact]
    public async Task A_TLS_daemon_whose_certificate_the_CA_did_not_sign_is_SG2003()
    {
        using var trusted = TestCertificates.Create();
        using var other = TestCertificates.Create();
        await using var daemon = FakeDaemon.OnTls(other.Server, _ => new FakeResponse(200, "OK"));
        var endpoint = new DockerEndpoint(new Uri(daemon.Host), EndpointSourceKind.Default, "default", CanSpeak: true)
        {
            Tls = DockerTls.FromFolder(trusted.Folder, skipVerify: false, requireCa: true),
        };
        using var client = new EngineClient(endpoint);

        var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

        Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_TLS_daemon_that_goes_away_mid_request_is_SG2003_saying_so_not_blaming_the_client_certificate(bool reset)
    {
        using var certificates = TestCertificates.Create();
        await using var daemon = FakeDaemon.OnTls(certificates.Server, _ => FakeResponse.Dropped(reset));
        var endpoint = new DockerEndpoint(new Uri(daemon.Host), EndpointSourceKind.DockerHost, "DOCKER_HOST=" + daemon.Host, CanSpeak: true)
        {
            Tls = DockerTls.FromFolder(certificates.Folder, skipVerify: false, requireCa: true),
        };
        using var client = new EngineClient(endpoint);

        var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

        Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
        Assert.Contains("the daemon stopped or restarted", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_without_a_ca_pem_is_SG2003_naming_the_missing_file()
    {
        var folder = Directory.CreateTempSubdirectory("sg-no-certs-").FullName;
        try
        {
            var endpoint = new DockerEndpoint(new Uri("tcp://build-box:2376"), EndpointSourceKind.DockerHost, "DOCKER_HOST=tcp://build-box:2376", CanSpeak: true)
            {
                Tls = DockerTls.FromFolder(folder, skipVerify: false, requireCa: true),
            };

            var error = Assert.Throws<StageGateException>(() => new EngineClient(endpoint));

            Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
            Assert.Contains(Path.Combine(folder, "ca.pem"), error.Message, StringComparison.Ordinal);
            Assert.Contains("DOCKER_CERT_PATH", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class LayerComparer : IEqualityComparer<ImageLayer>
    {
        public bool Equals(ImageLayer? x, ImageLayer? y) =>
            x is not null && y is not null &&
            (x.Id, x.Created, x.CreatedBy, x.Size, x.Comment) == (y.Id, y.Created, y.CreatedBy, y.Size, y.Comment) &&
            x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(ImageLayer obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
