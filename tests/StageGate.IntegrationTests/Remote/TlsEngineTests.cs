using StageGate.Diagnostics;
using StageGate.Engine;

namespace StageGate.IntegrationTests.Remote;

/// <summary>The TLS engine fixture is a real build server: it answers only clients holding its certificates, and has the base images.</summary>
[Collection(RemoteFixtures.Name)]
public sealed class TlsEngineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_TLS_engine_answers_a_client_with_its_certificates_and_holds_the_seeded_base_image()
    {
        if (!FixturePrerequisites.Met(output, TlsEngine.WhyUnavailable()) || !await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var engine = await TlsEngine.StartAsync(["busybox:latest", "debian:bookworm-slim"]);
        output.WriteLine($"TLS engine at {engine.Host} ready after {engine.ReadyAfter.TotalMilliseconds:0} ms; " +
            $"busybox + debian:bookworm-slim loaded in {engine.ImagesLoadedAfter.TotalMilliseconds:0} ms");
        using var client = engine.CreateClient();

        Assert.NotNull(await client.InspectImageAsync("debian:bookworm-slim"));
        Assert.NotNull(await client.InspectImageAsync("busybox:latest"));
    }

    [Fact]
    public async Task A_client_that_forgets_the_TLS_variables_gets_SG2005_saying_the_engine_speaks_HTTPS_and_which_variables_to_set()
    {
        if (!FixturePrerequisites.Met(output, TlsEngine.WhyUnavailable()) || !await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var engine = await TlsEngine.StartAsync([]);
        var endpoint = DockerEndpoint.Resolve(name => name == "DOCKER_HOST" ? engine.Host : null, engine.Root, isWindows: false);
        using var client = new EngineClient(endpoint);

        var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

        output.WriteLine(error.Message);
        Assert.Equal(Codes.EngineRequestFailed.Code, error.Code);
        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
        Assert.Contains("set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TLS_engine_refuses_a_client_without_a_client_certificate_with_SG2003_saying_what_is_missing()
    {
        if (!FixturePrerequisites.Met(output, TlsEngine.WhyUnavailable()) || !await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var engine = await TlsEngine.StartAsync([]);
        var caOnly = Directory.CreateTempSubdirectory("sgca-").FullName;
        try
        {
            File.Copy(Path.Combine(engine.CertPath, "ca.pem"), Path.Combine(caOnly, "ca.pem"));
            var endpoint = DockerEndpoint.Resolve(
                name => name switch { "DOCKER_HOST" => engine.Host, "DOCKER_TLS_VERIFY" => "1", "DOCKER_CERT_PATH" => caOnly, _ => null },
                caOnly, isWindows: false);
            using var client = new EngineClient(endpoint);

            var error = await Assert.ThrowsAsync<StageGateException>(() => client.PingAsync());

            output.WriteLine(error.Message);
            Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
            Assert.Contains("needs a client certificate", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(caOnly, recursive: true);
        }
    }
}
