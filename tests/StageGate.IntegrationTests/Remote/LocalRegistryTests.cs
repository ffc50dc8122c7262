using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StageGate.IntegrationTests.Remote;

/// <summary>The registry fixture is real: the main engine pushes to it, over TLS it trusts only through certs.d, with the auth a user's registry has.</summary>
[Collection(RemoteFixtures.Name)]
public sealed class LocalRegistryTests(ITestOutputHelper output)
{
    private const string ManifestTypes =
        "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json, " +
        "application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json";

    [Fact]
    public async Task A_plain_registry_on_loopback_takes_a_push_from_the_engine_and_serves_its_manifest()
    {
        if (!FixturePrerequisites.Met(output, LocalRegistry.WhyUnavailable(RegistryAuth.None)) || !await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.None);
        output.WriteLine($"registry (plain HTTP) at {registry.Host} ready after {registry.ReadyAfter.TotalMilliseconds:0} ms");
        using var config = await registry.LoginAsync();

        var pushed = await registry.PushAsync("busybox:latest", "stagegate-it/busybox", "plain", config);

        using var http = registry.CreateHttpClient();
        using var response = await http.SendAsync(ManifestRequest(pushed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pushed.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
    }

    [Fact]
    public async Task A_TLS_registry_with_basic_auth_takes_a_push_after_docker_login_and_refuses_anonymous_reads()
    {
        if (!FixturePrerequisites.Met(output, LocalRegistry.WhyUnavailable(RegistryAuth.Basic)) || !await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.Basic);
        output.WriteLine($"registry (TLS + basic auth) at {registry.Host} ready after {registry.ReadyAfter.TotalMilliseconds:0} ms");
        using var config = await registry.LoginAsync();

        var pushed = await registry.PushAsync("busybox:latest", "stagegate-it/busybox", "basic", config);

        using var http = registry.CreateHttpClient();
        using (var anonymous = await http.SendAsync(ManifestRequest(pushed)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        var withCredentials = ManifestRequest(pushed);
        withCredentials.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{registry.Username}:{registry.Password}")));
        using var response = await http.SendAsync(withCredentials);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pushed.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_docker_login_at_a_basic_auth_registry()
    {
        if (!FixturePrerequisites.Met(output, LocalRegistry.WhyUnavailable(RegistryAuth.Basic)) || !await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.Basic);
        using var config = TempDockerConfig.Create();

        var login = await FixtureCommand.TryRunAsync("docker", ["login", "--username", registry.Username!, "--password-stdin", registry.Host],
            config.Environment, input: "not-" + registry.Password);

        output.WriteLine(login.Error);
        Assert.NotEqual(0, login.Exit);
        Assert.Contains("unauthorized", login.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_registry_lets_the_engine_push_with_a_bearer_token_scoped_to_the_repository()
    {
        if (!FixturePrerequisites.Met(output, LocalRegistry.WhyUnavailable(RegistryAuth.Token)) || !await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.Token);
        output.WriteLine($"registry (TLS + token auth, realm {registry.TokenRealm}) at {registry.Host} ready after {registry.ReadyAfter.TotalMilliseconds:0} ms");
        using var config = await registry.LoginAsync();

        var pushed = await registry.PushAsync("busybox:latest", "stagegate-it/busybox", "token", config);

        foreach (var request in registry.TokenRequests)
        {
            output.WriteLine($"token request: account={request.Account} scopes=[{string.Join(' ', request.Scopes)}] granted={request.Granted}");
        }
        Assert.Contains(registry.TokenRequests, r => r.Granted && r.Account == registry.Username
            && r.Scopes.Any(s => s.StartsWith("repository:stagegate-it/busybox:", StringComparison.Ordinal) && s.Contains("push", StringComparison.Ordinal)));
        using var http = registry.CreateHttpClient();
        using (var anonymous = await http.SendAsync(ManifestRequest(pushed)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains(anonymous.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer"
                && challenge.Parameter!.Contains($"realm=\"{registry.TokenRealm}\"", StringComparison.Ordinal));
        }
        var withToken = ManifestRequest(pushed);
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, registry, $"repository:{pushed.Repository}:pull"));
        using var response = await http.SendAsync(withToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_remote_TLS_engine_logs_in_and_pushes_to_the_token_registry_through_the_same_certs_d_trust()
    {
        if (!FixturePrerequisites.Met(output, LocalRegistry.WhyUnavailable(RegistryAuth.Token) ?? TlsEngine.WhyUnavailable())
            || !await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.Token);
        await using var engine = await TlsEngine.StartAsync();
        using var config = await registry.LoginAsync(engine.Environment);

        var pushed = await registry.PushAsync("busybox:latest", "stagegate-it/from-build-server", "token", config, engine.Environment);

        Assert.Contains(registry.TokenRequests, r => r.Granted && r.Scopes.Contains("repository:stagegate-it/from-build-server:push,pull"));
        using var http = registry.CreateHttpClient();
        var withToken = ManifestRequest(pushed);
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, registry, $"repository:{pushed.Repository}:pull"));
        using var response = await http.SendAsync(withToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pushed.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
    }

    private static async Task<string> TokenAsync(HttpClient http, LocalRegistry registry, string scope)
    {
        var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri($"{registry.TokenRealm}?service={Uri.EscapeDataString(RegistryTokenService.Service)}&scope={Uri.EscapeDataString(scope)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{registry.Username}:{registry.Password}")));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    private static HttpRequestMessage ManifestRequest(PushedImage pushed)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"v2/{pushed.Repository}/manifests/{pushed.Tag}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", ManifestTypes);
        return request;
    }
}
