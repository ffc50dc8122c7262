using System.Net;
using System.Text;
using StageGate.Diagnostics;
using StageGate.Registry;

namespace StageGate.Tests.Registry;

/// <summary>
/// The compressed size is read from the registry per platform, through the registry's own auth, and every way a
/// registry can fail is a coded SG2 error that says what to do, never a size.
/// </summary>
public sealed class RegistryMeasurerTests : IDisposable
{
    private readonly FakeRegistry _registry = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("sg-registry-").FullName;

    public void Dispose()
    {
        _registry.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(MediaTypes.DockerManifest)]
    [InlineData(MediaTypes.OciManifest)]
    public async Task A_single_platform_image_measures_its_config_and_layers_as_stored(string mediaType)
    {
        _registry.Put("team/app", mediaType, FakeRegistry.Image(mediaType, 632, 1_068_934, 307_662), tag: "1");

        var measured = await MeasureAsync("team/app:1");

        var platform = Assert.Single(measured.Platforms);
        Assert.Equal(632 + 1_068_934 + 307_662, platform.CompressedSizeBytes);
        Assert.Null(platform.Platform);
    }

    [Theory]
    [InlineData(MediaTypes.OciIndex)]
    [InlineData(MediaTypes.DockerManifestList)]
    public async Task An_index_is_measured_per_platform_and_its_attestation_manifests_are_skipped(string indexType)
    {
        var amd64 = _registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, 500, 2_000_000, 1_000));
        var arm64 = _registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, 500, 1_800_000));
        var attestation = _registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, 300, 90_000_000));
        var index = _registry.Put("team/app", indexType, $$"""
            {
              "schemaVersion": 2,
              "mediaType": "{{indexType}}",
              "manifests": [
                { "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{amd64}}", "size": 1, "platform": { "os": "linux", "architecture": "amd64" } },
                { "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{arm64}}", "size": 1, "platform": { "os": "linux", "architecture": "arm64", "variant": "v8" } },
                { "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{attestation}}", "size": 1, "platform": { "os": "unknown", "architecture": "unknown" },
                  "annotations": { "vnd.docker.reference.type": "attestation-manifest", "vnd.docker.reference.digest": "{{amd64}}" } }
              ]
            }
            """, tag: "multi");

        var measured = await MeasureAsync("team/app:multi");

        Assert.Equal(index, measured.Digest);
        Assert.Equal(
            [("linux/amd64", amd64, 2_001_500L), ("linux/arm64/v8", arm64, 1_800_500L)],
            measured.Platforms.Select(p => (p.Platform!, p.Digest, p.CompressedSizeBytes)));
        Assert.Equal(2_001_500, measured.LargestCompressedSize);
    }

    [Fact]
    public async Task A_Basic_challenge_is_answered_with_the_docker_configs_auths_entry()
    {
        _registry.Put("team/app", MediaTypes.DockerManifest, FakeRegistry.Image(MediaTypes.DockerManifest, 10, 20), tag: "1");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:s3cret"));
        _registry.Respond = async context =>
        {
            if (context.Request.Headers["Authorization"] == expected)
            {
                return false;
            }
            context.Response.Headers["WWW-Authenticate"] = "Basic realm=\"test\"";
            await FakeRegistry.WriteAsync(context, 401, []);
            return true;
        };
        WriteConfig($$"""{ "auths": { "http://{{_registry.Host}}": { "auth": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:s3cret"))}}" } } }""");

        var measured = await MeasureAsync("team/app:1");

        Assert.Equal(30, Assert.Single(measured.Platforms).CompressedSizeBytes);
        Assert.Contains(_registry.Requests, r => r.Authorization == expected);
    }

    [Fact]
    public async Task A_Basic_challenge_without_credentials_is_SG2018_naming_docker_login()
    {
        _registry.Respond = async context =>
        {
            context.Response.Headers["WWW-Authenticate"] = "Basic realm=\"test\"";
            await FakeRegistry.WriteAsync(context, 401, []);
            return true;
        };

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.RegistryAuthDenied.Code, error.Code);
        Assert.Contains($"docker login {_registry.Host}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Bearer_challenge_gets_a_pull_token_from_the_realm_with_the_credentials_and_accepts_access_token()
    {
        _registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, 10, 20), tag: "1");
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:pw"));
        _registry.Respond = async context =>
        {
            var request = context.Request;
            if (request.Url!.AbsolutePath == "/token")
            {
                var granted = request.Headers["Authorization"] == basic && request.QueryString["scope"] == "repository:team/app:pull" && request.QueryString["service"] == "fake";
                await FakeRegistry.WriteAsync(context, granted ? 200 : 401, Encoding.UTF8.GetBytes(granted ? """{"access_token":"tok-123"}""" : "{}"), "application/json");
                return true;
            }
            if (request.Headers["Authorization"] == "Bearer tok-123")
            {
                return false;
            }
            context.Response.Headers["WWW-Authenticate"] = $"Bearer realm=\"http://{_registry.Host}/token\",service=\"fake\",scope=\"repository:team/app:pull\"";
            await FakeRegistry.WriteAsync(context, 401, []);
            return true;
        };
        WriteConfig($$"""{ "auths": { "{{_registry.Host}}": { "username": "ci", "password": "pw" } } }""");

        var measured = await MeasureAsync("team/app:1");

        Assert.Equal(30, Assert.Single(measured.Platforms).CompressedSizeBytes);
    }

    [Fact]
    public async Task An_identity_token_is_exchanged_at_the_realm_as_an_OAuth2_refresh_token()
    {
        _registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, 1, 2), tag: "1");
        string? form = null;
        _registry.Respond = async context =>
        {
            if (context.Request.Url!.AbsolutePath == "/oauth2/token")
            {
                using var reader = new StreamReader(context.Request.InputStream);
                form = await reader.ReadToEndAsync();
                await FakeRegistry.WriteAsync(context, 200, Encoding.UTF8.GetBytes("""{"token":"from-refresh"}"""), "application/json");
                return true;
            }
            if (context.Request.Headers["Authorization"] == "Bearer from-refresh")
            {
                return false;
            }
            context.Response.Headers["WWW-Authenticate"] = $"Bearer realm=\"http://{_registry.Host}/oauth2/token\",service=\"fake\"";
            await FakeRegistry.WriteAsync(context, 401, []);
            return true;
        };
        WriteConfig($$"""{ "auths": { "{{_registry.Host}}": { "auth": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes("00000000-0000-0000-0000-000000000000:"))}}", "identitytoken": "refresh-me" } } }""");

        await MeasureAsync("team/app:1");

        Assert.Contains("grant_type=refresh_token", form, StringComparison.Ordinal);
        Assert.Contains("refresh_token=refresh-me", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_service_that_refuses_the_credentials_is_SG2018_not_a_size()
    {
        _registry.Respond = async context =>
        {
            if (context.Request.Url!.AbsolutePath == "/token")
            {
                await FakeRegistry.WriteAsync(context, 401, Encoding.UTF8.GetBytes("""{"errors":[{"code":"UNAUTHORIZED","message":"bad password"}]}"""));
                return true;
            }
            context.Response.Headers["WWW-Authenticate"] = $"Bearer realm=\"http://{_registry.Host}/token\",service=\"fake\"";
            await FakeRegistry.WriteAsync(context, 401, []);
            return true;
        };
        WriteConfig($$"""{ "auths": { "{{_registry.Host}}": { "username": "ci", "password": "wrong" } } }""");

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.RegistryAuthDenied.Code, error.Code);
        Assert.Contains("bad password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_come_from_the_credential_helper_the_config_names_for_the_registry()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        _registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, 1, 2), tag: "1");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("helper-user:helper-secret"));
        _registry.Respond = async context =>
        {
            if (context.Request.Headers["Authorization"] == expected)
            {
                return false;
            }
            context.Response.Headers["WWW-Authenticate"] = "Basic realm=\"test\"";
            await FakeRegistry.WriteAsync(context, 401, []);
            return true;
        };
        // The helper answers only for the server it is asked about on its input, as docker-credential-helpers do.
        var helper = Path.Combine(_folder, "docker-credential-sgtest");
        await File.WriteAllTextAsync(helper, $$"""
            #!/bin/sh
            read server
            [ "$1" = get ] && [ "$server" = "{{_registry.Host}}" ] || { echo "credentials not found in native keychain"; exit 1; }
            echo '{"ServerURL":"'"$server"'","Username":"helper-user","Secret":"helper-secret"}'
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        WriteConfig($$"""{ "credsStore": "none-such", "credHelpers": { "{{_registry.Host}}": "sgtest" } }""");
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", _folder + Path.PathSeparator + path);
        try
        {
            await MeasureAsync("team/app:1");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        Assert.Contains(_registry.Requests, r => r.Authorization == expected);
    }

    [Theory]
    [InlineData("sleep 30", "did not answer")]
    [InlineData("head -c 2000000 /dev/zero | tr '\\0' 'a'", "more than 64 KiB")]
    public async Task A_credential_helper_that_hangs_or_floods_is_SG2022_naming_it(string behaviour, string said)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var helper = Path.Combine(_folder, "docker-credential-sgstuck");
        await File.WriteAllTextAsync(helper, $"#!/bin/sh\n{behaviour}\n");
        File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        WriteConfig($$"""{ "credHelpers": { "{{_registry.Host}}": "sgstuck" } }""");
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", _folder + Path.PathSeparator + path);
        Diagnostic error;
        try
        {
            error = await FailAsync("team/app:1", timeout: TimeSpan.FromSeconds(2));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        Assert.Equal(Codes.RegistryCredentialsUnreadable.Code, error.Code);
        Assert.Contains("docker-credential-sgstuck", error.Message, StringComparison.Ordinal);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_manifest_is_SG2019_with_the_registrys_own_words()
    {
        var error = await FailAsync("team/app:gone");

        Assert.Equal(Codes.ManifestNotFound.Code, error.Code);
        Assert.Contains($"{_registry.Host}/team/app:gone", error.Message, StringComparison.Ordinal);
        Assert.Contains("MANIFEST_UNKNOWN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "it is not JSON")]
    [InlineData("""{"schemaVersion":1,"name":"team/app","fsLayers":[]}""", "schemaVersion is 1")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"digest":"sha256:x"},"layers":[]}""", "config has no size")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"platform":{}}]}""", "manifests[0] has no digest")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}""", "only attestations")]
    public async Task A_malformed_manifest_is_SG2020_saying_what_is_wrong(string json, string why)
    {
        _registry.Put("team/app", MediaTypes.DockerManifest, json, tag: "1");

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.ManifestMalformed.Code, error.Code);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_larger_than_4_MiB_is_SG2020_and_is_not_read_whole()
    {
        var sent = 0L;
        _registry.Respond = async context =>
        {
            context.Response.ContentType = MediaTypes.OciManifest;
            context.Response.SendChunked = true;
            var chunk = new byte[64 * 1024];
            try
            {
                // Endless, as /dev/zero behind a broken proxy would be: the reader must stop on its own.
                for (var i = 0; i < 1024; i++)
                {
                    await context.Response.OutputStream.WriteAsync(chunk);
                    sent += chunk.Length;
                }
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
            }
            return true;
        };

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.ManifestMalformed.Code, error.Code);
        Assert.Contains("more than 4 MiB", error.Message, StringComparison.Ordinal);
        Assert.True(sent < 1024L * 64 * 1024, $"the whole {sent} bytes were read");
    }

    // Both digest algorithms a registry may use are verified, not only sha256.
    [Theory]
    [InlineData("sha256", 64)]
    [InlineData("sha512", 128)]
    public async Task A_manifest_whose_bytes_do_not_hash_to_the_digest_asked_for_is_SG2020(string algorithm, int hexLength)
    {
        var digest = algorithm + ":" + new string('e', hexLength);
        _registry.Respond = async context =>
        {
            await FakeRegistry.WriteAsync(context, 200, Encoding.UTF8.GetBytes(FakeRegistry.Image(MediaTypes.OciManifest, 1, 1)), MediaTypes.OciManifest);
            return true;
        };

        var error = await FailAsync($"team/app@{digest}");

        Assert.Equal(Codes.ManifestMalformed.Code, error.Code);
        Assert.Contains("changed it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_nobody_listens_at_is_SG2017_naming_its_address()
    {
        var host = $"127.0.0.1:{FakeRegistry.FreePort()}";

        var error = await FailAsync($"{host}/team/app:1", raw: true);

        Assert.Equal(Codes.RegistryUnreachable.Code, error.Code);
        Assert.Contains(host, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_that_answers_500_is_SG2017_not_a_size()
    {
        _registry.Respond = async context =>
        {
            await FakeRegistry.WriteAsync(context, 503, []);
            return true;
        };

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.RegistryUnreachable.Code, error.Code);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_that_never_answers_is_SG2017_after_the_timeout()
    {
        var never = new TaskCompletionSource();
        _registry.Respond = async _ =>
        {
            await never.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return true;
        };

        var error = await FailAsync("team/app:1", timeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(Codes.RegistryUnreachable.Code, error.Code);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_the_read_at_once_without_a_diagnostic()
    {
        using var cancel = new CancellationTokenSource();
        _registry.Respond = async _ =>
        {
            await cancel.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(30));
            return true;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MeasureAsync("team/app:1", cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task A_docker_config_that_is_not_JSON_is_SG2022_naming_the_file()
    {
        WriteConfig("{ not json");

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.RegistryCredentialsUnreadable.Code, error.Code);
        Assert.Equal(Path.Combine(_folder, "config.json"), error.File);
    }

    [Fact]
    public void A_verified_registry_whose_token_service_speaks_plain_HTTP_is_refused_before_credentials_go_out()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"http://auth.example/token\",service=\"registry\"");
        using var verified = new RegistryClient("registry.example:5000", Settings(TimeSpan.FromSeconds(1)), new RegistryCredential("ci", "pw", null));
        using var insecure = new RegistryClient(_registry.Host, Settings(TimeSpan.FromSeconds(1)), new RegistryCredential("ci", "pw", null));

        var error = Assert.Throws<StageGateException>(() => verified.TokenRealm(challenge, "registry.example:5000/team/app:1"));

        Assert.Equal(Codes.RegistryTlsFailed.Code, error.Code);
        Assert.Contains("plain HTTP", error.Message, StringComparison.Ordinal);
        Assert.Equal("http", insecure.TokenRealm(challenge, "team/app:1").Scheme);
    }

    [Fact]
    public async Task A_token_service_that_redirects_to_another_server_gets_no_identity_token_sent_there()
    {
        using var elsewhere = new FakeRegistry();
        _registry.Respond = async context =>
        {
            if (context.Request.Url!.AbsolutePath == "/oauth2/token")
            {
                context.Response.Headers["Location"] = $"http://localhost:{elsewhere.Port}/steal";
                await FakeRegistry.WriteAsync(context, 307, []);
                return true;
            }
            context.Response.Headers["WWW-Authenticate"] = $"Bearer realm=\"http://{_registry.Host}/oauth2/token\",service=\"fake\"";
            await FakeRegistry.WriteAsync(context, 401, []);
            return true;
        };
        WriteConfig($$"""{ "auths": { "{{_registry.Host}}": { "identitytoken": "refresh-me" } } }""");

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.RegistryAuthDenied.Code, error.Code);
        Assert.Contains("redirected", error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_token_service_that_echoes_the_password_has_it_masked_in_the_message()
    {
        _registry.Respond = async context =>
        {
            if (context.Request.Url!.AbsolutePath == "/token")
            {
                await FakeRegistry.WriteAsync(context, 401, Encoding.UTF8.GetBytes("""{"errors":[{"code":"UNAUTHORIZED","message":"password s3cret-Pw-42 is wrong"}]}"""));
                return true;
            }
            context.Response.Headers["WWW-Authenticate"] = $"Bearer realm=\"http://{_registry.Host}/token\",service=\"fake\"";
            await FakeRegistry.WriteAsync(context, 401, []);
            return true;
        };
        WriteConfig($$"""{ "auths": { "{{_registry.Host}}": { "username": "ci", "password": "s3cret-Pw-42" } } }""");

        var error = await FailAsync("team/app:1");

        Assert.Contains("is wrong", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-Pw-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_with_a_huge_error_body_quotes_only_a_line_of_it()
    {
        _registry.Respond = async context =>
        {
            var words = new string('x', 900_000);
            await FakeRegistry.WriteAsync(context, 404, Encoding.UTF8.GetBytes($$"""{"errors":[{"code":"MANIFEST_UNKNOWN","message":"{{words}}"}]}"""));
            return true;
        };

        var error = await FailAsync("team/app:gone");

        Assert.Equal(Codes.ManifestNotFound.Code, error.Code);
        Assert.True(error.Message.Length < 600, $"the message is {error.Message.Length} characters long");
    }

    [Fact]
    public async Task An_index_entry_whose_digest_is_not_sha256_or_sha512_is_SG2020_and_never_requested()
    {
        _registry.Put("team/app", MediaTypes.OciIndex, $$"""
            { "schemaVersion": 2, "mediaType": "{{MediaTypes.OciIndex}}", "manifests": [
              { "mediaType": "{{MediaTypes.OciManifest}}", "digest": "sha256:../../../v2/other/manifests/1", "size": 1, "platform": { "os": "linux", "architecture": "amd64" } } ] }
            """, tag: "1");

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.ManifestMalformed.Code, error.Code);
        Assert.Contains("no valid digest", error.Message, StringComparison.Ordinal);
        Assert.Single(_registry.Requests);
    }

    [Fact]
    public async Task Layer_sizes_that_overflow_when_added_are_SG2020_not_an_unexpected_failure()
    {
        _registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, 1, long.MaxValue), tag: "1");

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.ManifestMalformed.Code, error.Code);
    }

    [Fact]
    public async Task An_index_listing_a_manifest_twice_measures_and_reads_it_once()
    {
        var amd64 = _registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, 10, 20));
        var entry = $$"""{ "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{amd64}}", "size": 1, "platform": { "os": "linux", "architecture": "amd64" } }""";
        _registry.Put("team/app", MediaTypes.OciIndex, $$"""{ "schemaVersion": 2, "mediaType": "{{MediaTypes.OciIndex}}", "manifests": [{{entry}}, {{entry}}] }""", tag: "1");

        var measured = await MeasureAsync("team/app:1");

        Assert.Single(measured.Platforms);
        Assert.Equal(2, _registry.Requests.Count);
    }

    [Fact]
    public async Task An_index_listing_more_image_manifests_than_the_cap_is_SG2020_before_any_is_read()
    {
        var entries = Enumerable.Range(0, RegistryMeasurer.MaxImageManifests + 1).Select(i =>
            $$"""{ "mediaType": "{{MediaTypes.OciManifest}}", "digest": "sha256:{{i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)}}", "size": 1, "platform": { "os": "linux", "architecture": "amd64" } }""");
        _registry.Put("team/app", MediaTypes.OciIndex, $$"""{ "schemaVersion": 2, "mediaType": "{{MediaTypes.OciIndex}}", "manifests": [{{string.Join(",", entries)}}] }""", tag: "1");

        var error = await FailAsync("team/app:1");

        Assert.Equal(Codes.ManifestMalformed.Code, error.Code);
        Assert.Contains($"{RegistryMeasurer.MaxImageManifests + 1} image manifests", error.Message, StringComparison.Ordinal);
        Assert.Single(_registry.Requests);
    }

    [Fact]
    public async Task A_registry_that_answers_each_request_within_its_timeout_but_never_finishes_is_SG2017_at_the_deadline()
    {
        var entries = Enumerable.Range(0, 20).Select(i =>
            $$"""{ "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{_registry.Put("team/app", MediaTypes.OciManifest, FakeRegistry.Image(MediaTypes.OciManifest, i, 1))}}", "size": 1, "platform": { "os": "linux", "architecture": "a{{i}}" } }""");
        _registry.Put("team/app", MediaTypes.OciIndex, $$"""{ "schemaVersion": 2, "mediaType": "{{MediaTypes.OciIndex}}", "manifests": [{{string.Join(",", entries)}}] }""", tag: "1");
        _registry.Respond = async _ =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            return false;
        };
        var settings = Settings(TimeSpan.FromSeconds(10)) with { Deadline = TimeSpan.FromMilliseconds(600) };

        var error = (await Assert.ThrowsAsync<StageGateException>(() =>
            RegistryMeasurer.MeasureAsync(RegistryReference.Parse($"{_registry.Host}/team/app:1"), settings, CancellationToken.None))).Diagnostic;

        Assert.Equal(Codes.RegistryUnreachable.Code, error.Code);
        Assert.Contains("in all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_on_loopback_or_listed_is_insecure_and_any_other_is_not()
    {
        var settings = Settings(TimeSpan.FromSeconds(1)) with { InsecureHosts = ["registry.example:5000"] };

        Assert.True(settings.IsInsecure("127.0.0.1:5000"));
        Assert.True(settings.IsInsecure("localhost:5000"));
        Assert.True(settings.IsInsecure("[::1]:5000"));
        Assert.True(settings.IsInsecure("registry.example:5000"));
        Assert.False(settings.IsInsecure("registry.example:5001"));
        Assert.False(settings.IsInsecure("10.0.0.5:5000"));
    }

    private void WriteConfig(string json) => File.WriteAllText(Path.Combine(_folder, "config.json"), json);

    private RegistrySettings Settings(TimeSpan timeout) => new(
        [], Path.Combine(_folder, "certs.d"), timeout,
        name => name == "DOCKER_CONFIG" ? _folder : null);

    private Task<RegistryMeasurement> MeasureAsync(string reference, TimeSpan? timeout = null, bool raw = false, CancellationToken cancellationToken = default) =>
        RegistryMeasurer.MeasureAsync(RegistryReference.Parse(raw ? reference : $"{_registry.Host}/{reference}"), Settings(timeout ?? TimeSpan.FromSeconds(10)), cancellationToken);

    private async Task<Diagnostic> FailAsync(string reference, TimeSpan? timeout = null, bool raw = false) =>
        (await Assert.ThrowsAsync<StageGateException>(() => MeasureAsync(reference, timeout, raw))).Diagnostic;
}
