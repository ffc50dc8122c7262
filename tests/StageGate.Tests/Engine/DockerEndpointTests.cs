using StageGate.Diagnostics;
using StageGate.Engine;

namespace StageGate.Tests.Engine;

public sealed class DockerEndpointTests : IDisposable
{
    private readonly string configDir = Directory.CreateTempSubdirectory("sg-docker-config-").FullName;
    private readonly Dictionary<string, string> env = [];

    public void Dispose() => Directory.Delete(configDir, recursive: true);

    [Fact]
    public void Nothing_configured_means_the_default_unix_socket()
    {
        var endpoint = Resolve();

        Assert.Equal("unix:///var/run/docker.sock", endpoint.Host.OriginalString);
        Assert.Equal("default", endpoint.Source);
        Assert.Equal(EndpointSourceKind.Default, endpoint.Kind);
        Assert.True(endpoint.CanSpeak);
    }

    [Fact]
    public void Nothing_configured_on_Windows_means_the_docker_engine_named_pipe()
    {
        var endpoint = Resolve(isWindows: true);

        Assert.Equal("npipe:////./pipe/docker_engine", endpoint.Host.OriginalString);
        Assert.True(endpoint.CanSpeak);
    }

    [Fact]
    public void DOCKER_HOST_wins_over_DOCKER_CONTEXT_and_the_configured_context()
    {
        WriteContext("remote", "tcp://build-box:2375");
        WriteConfig("remote");
        env["DOCKER_CONTEXT"] = "remote";
        env["DOCKER_HOST"] = "unix:///run/user/1000/docker.sock";

        var endpoint = Resolve();

        Assert.Equal("unix:///run/user/1000/docker.sock", endpoint.Host.OriginalString);
        Assert.Equal("DOCKER_HOST=unix:///run/user/1000/docker.sock", endpoint.Source);
        Assert.Equal(EndpointSourceKind.DockerHost, endpoint.Kind);
    }

    [Fact]
    public void An_empty_DOCKER_HOST_counts_as_unset_as_it_does_for_the_CLI()
    {
        WriteContext("remote", "tcp://build-box:2375");
        env["DOCKER_HOST"] = "";
        env["DOCKER_CONTEXT"] = "remote";

        Assert.Equal("tcp://build-box:2375", Resolve().Host.OriginalString);
    }

    [Fact]
    public void DOCKER_CONTEXT_wins_over_the_configs_current_context()
    {
        WriteContext("from-env", "tcp://env-box:2375");
        WriteContext("from-config", "tcp://config-box:2375");
        WriteConfig("from-config");
        env["DOCKER_CONTEXT"] = "from-env";

        var endpoint = Resolve();

        Assert.Equal("tcp://env-box:2375", endpoint.Host.OriginalString);
        Assert.Equal("context 'from-env' (DOCKER_CONTEXT)", endpoint.Source);
        Assert.Equal(EndpointSourceKind.Context, endpoint.Kind);
    }

    [Fact]
    public void The_configs_current_context_is_used_when_no_variable_names_one()
    {
        WriteContext("colima", "unix:///home/me/.colima/docker.sock");
        WriteConfig("colima");

        var endpoint = Resolve();

        Assert.Equal("unix:///home/me/.colima/docker.sock", endpoint.Host.OriginalString);
        Assert.StartsWith("context 'colima' (currentContext in ", endpoint.Source, StringComparison.Ordinal);
        Assert.Equal(EndpointSourceKind.Context, endpoint.Kind);
    }

    [Fact]
    public void The_context_named_default_is_the_default_endpoint_even_when_the_config_names_another()
    {
        WriteContext("remote", "tcp://build-box:2375");
        WriteConfig("remote");
        env["DOCKER_CONTEXT"] = "default";

        var endpoint = Resolve();

        Assert.Equal("unix:///var/run/docker.sock", endpoint.Host.OriginalString);
        Assert.Equal("default", endpoint.Source);
    }

    [Fact]
    public void A_named_context_is_read_from_meta_json_in_the_folder_named_by_the_sha256_of_its_name()
    {
        WriteContext("remote", "tcp://build-box:2376", skipTlsVerify: true);
        env["DOCKER_CONTEXT"] = "remote";

        var endpoint = Resolve();

        Assert.Equal("tcp://build-box:2376", endpoint.Host.OriginalString);
        Assert.True(endpoint.Tls?.SkipVerify);
    }

    [Fact]
    public void A_contexts_folder_is_the_one_docker_context_create_makes_for_that_name()
    {
        // Taken from `docker context create remote --docker host=tcp://build-box:2375` (docker 28.2).
        Assert.Equal("b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a", DockerEndpoint.ContextId("remote"));
    }

    [Fact]
    public void A_context_without_TLS_files_or_SkipTLSVerify_speaks_plain_http()
    {
        WriteContext("remote", "tcp://build-box:2375");
        env["DOCKER_CONTEXT"] = "remote";

        Assert.Null(Resolve().Tls);
    }

    [Fact]
    public void A_contexts_TLS_files_are_read_from_its_tls_folder()
    {
        WriteContext("secure", "tcp://build-box:2376");
        var tlsDir = Path.Combine(configDir, "contexts", "tls", DockerEndpoint.ContextId("secure"), "docker");
        Directory.CreateDirectory(tlsDir);
        foreach (var file in new[] { "ca.pem", "cert.pem", "key.pem" })
        {
            File.WriteAllText(Path.Combine(tlsDir, file), "");
        }
        env["DOCKER_CONTEXT"] = "secure";

        var tls = Resolve().Tls;

        Assert.Equal(new DockerTls(Path.Combine(tlsDir, "ca.pem"), Path.Combine(tlsDir, "cert.pem"), Path.Combine(tlsDir, "key.pem"), SkipVerify: false), tls);
    }

    [Fact]
    public void An_unknown_context_is_SG2003_naming_the_context_and_where_it_was_looked_for()
    {
        env["DOCKER_CONTEXT"] = "nowhere";

        var error = Assert.Throws<StageGateException>(() => Resolve());

        Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
        Assert.Contains("'nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_CONTEXT", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(configDir, "contexts", "meta", DockerEndpoint.ContextId("nowhere"), "meta.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_current_context_in_the_config_names_the_config_file()
    {
        WriteConfig("gone");

        var error = Assert.Throws<StageGateException>(() => Resolve());

        Assert.Contains(Path.Combine(configDir, "config.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_config_json_falls_back_to_the_default_context_like_the_CLI()
    {
        File.WriteAllText(Path.Combine(configDir, "config.json"), "{ not json");

        Assert.Equal("default", Resolve().Source);
    }

    [Fact]
    public void An_ssh_host_is_resolved_but_left_to_the_docker_CLI()
    {
        env["DOCKER_HOST"] = "ssh://me@build-box";

        var endpoint = Resolve();

        Assert.Equal("ssh://me@build-box", endpoint.Host.OriginalString);
        Assert.False(endpoint.CanSpeak);
    }

    [Fact]
    public void A_context_with_an_ssh_host_is_left_to_the_docker_CLI()
    {
        WriteContext("over-ssh", "ssh://me@build-box");
        env["DOCKER_CONTEXT"] = "over-ssh";

        Assert.False(Resolve().CanSpeak);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void A_named_pipe_host_is_spoken_only_on_Windows(bool isWindows, bool canSpeak)
    {
        env["DOCKER_HOST"] = "npipe:////./pipe/docker_engine_linux";

        Assert.Equal(canSpeak, Resolve(isWindows).CanSpeak);
    }

    [Theory]
    [InlineData("/var/run/other.sock", "unix:///var/run/other.sock")]
    [InlineData("tcp://", "tcp://localhost:2375")]
    [InlineData("tcp://10.0.0.5", "tcp://10.0.0.5:2375")]
    [InlineData("build-box:2376", "tcp://build-box:2376")]
    [InlineData(" tcp://build-box:2375 ", "tcp://build-box:2375")]
    public void A_DOCKER_HOST_is_completed_as_the_CLI_completes_it(string dockerHost, string expected)
    {
        env["DOCKER_HOST"] = dockerHost;

        Assert.Equal(expected, Resolve().Host.OriginalString);
    }

    [Theory]
    [InlineData("http://build-box:2375")]
    [InlineData("tcp://http://build-box")]
    public void A_DOCKER_HOST_docker_cannot_parse_is_SG2003_quoting_it(string dockerHost)
    {
        env["DOCKER_HOST"] = dockerHost;

        var error = Assert.Throws<StageGateException>(() => Resolve());

        Assert.Equal(Codes.DaemonNotAnswering.Code, error.Code);
        Assert.Contains(dockerHost, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_uses_the_certificates_in_DOCKER_CERT_PATH()
    {
        env["DOCKER_HOST"] = "tcp://build-box:2376";
        env["DOCKER_TLS_VERIFY"] = "1";
        env["DOCKER_CERT_PATH"] = "/certs";

        var tls = Resolve().Tls;

        Assert.NotNull(tls);
        Assert.False(tls.SkipVerify);
        Assert.Equal(Path.Combine("/certs", "ca.pem"), tls.CaFile);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_without_DOCKER_CERT_PATH_looks_in_the_docker_config_folder()
    {
        env["DOCKER_HOST"] = "tcp://build-box:2376";
        env["DOCKER_TLS_VERIFY"] = "0"; // any non-empty value turns it on, as in the CLI

        Assert.Equal(Path.Combine(configDir, "ca.pem"), Resolve().Tls?.CaFile);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_without_DOCKER_HOST_means_localhost_on_the_TLS_port()
    {
        env["DOCKER_TLS_VERIFY"] = "1";

        Assert.Equal("tcp://localhost:2376", Resolve().Host.OriginalString);
    }

    [Fact]
    public void A_tcp_host_without_TLS_settings_speaks_plain_http()
    {
        env["DOCKER_HOST"] = "tcp://build-box:2375";

        Assert.Null(Resolve().Tls);
    }

    private DockerEndpoint Resolve(bool isWindows = false) =>
        DockerEndpoint.Resolve(name => env.GetValueOrDefault(name), configDir, isWindows);

    private void WriteConfig(string currentContext) =>
        File.WriteAllText(Path.Combine(configDir, "config.json"), $$"""{ "auths": {}, "currentContext": "{{currentContext}}" }""");

    private void WriteContext(string name, string host, bool skipTlsVerify = false)
    {
        var folder = Path.Combine(configDir, "contexts", "meta", DockerEndpoint.ContextId(name));
        Directory.CreateDirectory(folder);
        // The shape `docker context create` writes.
        var meta = new { Name = name, Metadata = new { }, Endpoints = new { docker = new { Host = host, SkipTLSVerify = skipTlsVerify } } };
        File.WriteAllText(Path.Combine(folder, "meta.json"), System.Text.Json.JsonSerializer.Serialize(meta));
    }
}
