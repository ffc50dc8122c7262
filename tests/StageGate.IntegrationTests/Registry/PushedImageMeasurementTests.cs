using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;
using StageGate.IntegrationTests.Gates;
using StageGate.IntegrationTests.Remote;
using StageGate.Registry;
using StageGate.Testing;

namespace StageGate.IntegrationTests.Registry;

/// <summary>
/// After <c>--push</c>, the compressed size is read back from a real registry (Debian's docker-registry: plain,
/// TLS with basic auth, TLS with Bearer tokens) and gated per platform; a registry that cannot tell is a coded
/// SG2 error, never a size.
/// </summary>
[Collection(RemoteFixtures.Name)]
public sealed class PushedImageMeasurementTests(ITestOutputHelper output)
{
    /// <summary>A final stage with 300 kB of random bytes, which no compression shrinks, on busybox, which shrinks by half.</summary>
    private const string Incompressible = """
        FROM busybox:latest AS final
        RUN echo {token} > /token && dd if=/dev/urandom of=/blob bs=1k count=300 2>/dev/null
        """;

    [Fact]
    public async Task A_check_that_pushes_to_a_registry_reports_and_gates_the_compressed_size_beside_the_uncompressed()
    {
        if (!await RequireAsync(RegistryAuth.None))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.None);
        await using var sample = new GateSample(Incompressible);
        var tag = registry.Reference("stagegate-it/pushed", sample.Token);
        await using var untag = new Untag(tag);

        var result = await GatePipeline.CheckAsync(Pushing(sample, tag, compressedBudget: "50MB"), new RecordingProgress(output));

        var image = result.FinalImage!;
        output.WriteLine($"{tag}: uncompressed {image.SizeBytes} B, compressed {image.CompressedSizeBytes} B");
        Assert.True(result.Passed, string.Join("\n", result.Diagnostics));
        Assert.NotNull(image.SizeBytes);
        Assert.InRange(image.CompressedSizeBytes!.Value, 300_000, image.SizeBytes!.Value - 1);
        var platform = Assert.Single(image.Platforms);
        Assert.Equal(await ManifestSizeAsync(registry, "stagegate-it/pushed", platform.Digest), platform.CompressedSizeBytes);
        var budget = Assert.Single(result.Budgets);
        Assert.Equal((SizeMetric.Compressed, GateOutcome.Passed), (budget.Metric, budget.Outcome));
        Assert.Contains("uncompressed", Reports.RunSummary.For(result), StringComparison.Ordinal);
        Assert.Contains("compressed ≤ 50MB budget", Reports.RunSummary.For(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pushed_image_over_its_compressed_budget_fails_with_SG4001_naming_the_compressed_size()
    {
        if (!await RequireAsync(RegistryAuth.None))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.None);
        await using var sample = new GateSample(Incompressible);
        await using var untag = new Untag(registry.Reference("stagegate-it/over", sample.Token));

        var result = await GatePipeline.CheckAsync(Pushing(sample, untag.Tag, compressedBudget: "100kB"), new RecordingProgress(output));

        var over = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(Codes.OverBudget.Code, over.Code);
        Assert.Contains("over its compressed size budget. Compressed size: ", over.Message, StringComparison.Ordinal);
        Assert.Contains("set --compressed-budget", over.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_growth_budget_beside_a_compressed_budget_compares_the_compressed_size_with_the_baseline_reports()
    {
        if (!await RequireAsync(RegistryAuth.None))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.None);
        await using var sample = new GateSample(Incompressible);
        await using var untag = new Untag(registry.Reference("stagegate-it/growth", sample.Token));
        var baseline = Path.Combine(sample.Folder, "baseline.json");
        var first = await Hosted(sample, untag.Tag, o => o with { ReportPath = baseline });
        Assert.Equal(ExitCodes.Passed, first.ExitCode);

        var second = await Hosted(sample, untag.Tag, o => o with { GrowthBudget = "1%", Baseline = baseline });

        Assert.Equal(ExitCodes.Passed, second.ExitCode);
        var growth = Assert.Single(second.Result!.Budgets, b => b.Kind == BudgetKind.Growth);
        Assert.Equal((SizeMetric.Compressed, GateOutcome.Passed), (growth.Metric, growth.Outcome));
        Assert.Equal(first.Result!.FinalImage!.CompressedSizeBytes, growth.BaselineBytes);
        Assert.StartsWith("Compressed growth: ", growth.Summary, StringComparison.Ordinal);
    }

    private Task<HostedRun<GateResult>> Hosted(GateSample sample, string tag, Func<TestOptions, TestOptions> set) =>
        HostedGate.CheckAsync(
            set(sample.Options with { Tags = [tag], UseConfigurationFile = false }).ToValues()
                .Add(OptionTable.Push, true).Add(OptionTable.CompressedSizeBudget, "50MB"),
            new RecordingHost(output));

    [Theory]
    [InlineData("Basic")]
    [InlineData("Token")]
    public async Task A_stagegate_check_pushes_to_a_TLS_registry_with_docker_login_credentials_and_gates_the_compressed_size(string how)
    {
        var auth = Enum.Parse<RegistryAuth>(how);
        if (!await RequireAsync(auth))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(auth);
        using var config = await registry.LoginAsync();
        await using var sample = new GateSample(Incompressible);
        var tag = registry.Reference("stagegate-it/tls", sample.Token);
        await using var untag = new Untag(tag);

        var run = await RemoteCheck.RunAsync(output, config.With(null), sample.Dockerfile, ["--tag", tag, "--push", "--compressed-budget", "50MB"]);

        Assert.Equal(0, run.Exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(sample.Folder, "remote-report.json")));
        var compressed = report.RootElement.GetProperty("finalImage").GetProperty("compressedSizeBytes").GetInt64();
        output.WriteLine($"{auth}: uncompressed {run.SizeBytes} B, compressed {compressed} B");
        Assert.InRange(compressed, 300_000, run.SizeBytes!.Value - 1);
        Assert.Contains("✓ Compressed size: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("within the 50MB budget", run.Output, StringComparison.Ordinal);
        if (auth == RegistryAuth.Token)
        {
            // StageGate's own read: a pull-only token for the repository, granted to the logged-in user.
            Assert.Contains(registry.TokenRequests, r => r.Granted && r.Account == registry.Username && r.Scopes.SequenceEqual(["repository:stagegate-it/tls:pull"]));
        }
    }

    [Fact]
    public async Task An_index_put_together_in_the_registry_is_measured_per_platform_and_its_attestation_manifest_skipped()
    {
        if (!await RequireAsync(RegistryAuth.None))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.None);
        using var config = await registry.LoginAsync();
        // The docker driver builds one platform only, so the index is assembled here from real pushed images:
        // a built image and busybox stand for two platforms, debian for the attestation manifest.
        await using var sample = new GateSample(Incompressible);
        await using var untag = new Untag(registry.Reference("stagegate-it/multi", "amd64"));
        var built = await GatePipeline.CheckAsync(Pushing(sample, untag.Tag, compressedBudget: null), new RecordingProgress(output));
        Assert.True(built.Passed, string.Join("\n", built.Diagnostics));
        var amd64 = built.FinalImage!.Platforms.Single().Digest;
        var arm64 = (await registry.PushAsync("busybox:latest", "stagegate-it/multi", "arm64", config)).Digest;
        var attestation = (await registry.PushAsync("debian:bookworm-slim", "stagegate-it/multi", "attestation", config)).Digest;
        var index = await PutIndexAsync(registry, "stagegate-it/multi", "multi", (amd64, "amd64", false), (arm64, "arm64", false), (attestation, "unknown", true));
        var amd64Size = await ManifestSizeAsync(registry, "stagegate-it/multi", amd64);
        var arm64Size = await ManifestSizeAsync(registry, "stagegate-it/multi", arm64);
        var between = (amd64Size + arm64Size) / 2;

        var run = await HostedGate.MeasureAsync(
            new OptionValues(FrontEnd.Cli, sample.Folder).Add(OptionTable.CompressedSizeBudget, $"{between}B"),
            $"{registry.Host}/stagegate-it/multi@{index}", new RecordingHost(output));

        output.WriteLine($"index {index}: linux/amd64 {amd64Size} B, linux/arm64 {arm64Size} B, budget {between} B");
        var image = run.Result!.Image;
        Assert.Equal([("linux/amd64", amd64Size), ("linux/arm64", arm64Size)], image.Platforms.Select(p => (p.Platform!, p.CompressedSizeBytes)));
        var larger = amd64Size > arm64Size ? "linux/amd64" : "linux/arm64";
        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        var over = Assert.Single(run.Diagnostics, d => d.IsError);
        Assert.Contains($"for {larger} is over its compressed size budget", over.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OCI_layout_export_on_the_docker_driver_is_SG2015_before_anything_is_built()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(Incompressible);
        var options = ((GateOptions)(sample.Options with { UseConfigurationFile = false }))
            .With<string?>(OptionTable.OciLayout, Path.Combine(sample.Folder, "image-oci.tar"))
            .With<string?>(OptionTable.CompressedSizeBudget, "50MB");
        var progress = new List<string>();

        var error = await Assert.ThrowsAsync<StageGateException>(() => GatePipeline.CheckAsync(options, new RecordingProgress(output, p => progress.Add(p.Message))));

        Assert.Equal(Codes.BuilderCannotHonour.Code, error.Code);
        Assert.Contains("the docker driver exports no OCI layout", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(progress, p => p.Contains("building", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registry_whose_CA_is_not_trusted_is_SG2021_with_where_docker_keeps_the_CA_and_is_read_once_listed_insecure()
    {
        if (!await RequireAsync(RegistryAuth.Basic))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.Basic);
        using var config = await registry.LoginAsync();
        var pushed = await registry.PushAsync("busybox:latest", "stagegate-it/tls-fail", "1", config);
        var empty = Directory.CreateTempSubdirectory("sg-certs-").FullName;
        try
        {
            var error = await FailAsync(pushed.Reference, Settings(config) with { CertsDirectory = empty });
            var listedInsecure = await RegistryMeasurer.MeasureAsync(
                RegistryReference.Parse(pushed.Reference), Settings(config) with { CertsDirectory = empty, InsecureHosts = [registry.Host] }, CancellationToken.None);

            Assert.Equal(Codes.RegistryTlsFailed.Code, error.Code);
            Assert.Contains(Path.Combine(empty, registry.Host, "ca.crt"), error.Message, StringComparison.Ordinal);
            Assert.Contains("--insecure-registry", error.Message, StringComparison.Ordinal);
            Assert.Equal(pushed.Digest, listedInsecure.Digest);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Token")]
    public async Task A_registry_that_refuses_anonymous_reads_or_a_wrong_password_is_SG2018_never_a_size(string how)
    {
        var auth = Enum.Parse<RegistryAuth>(how);
        if (!await RequireAsync(auth))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(auth);
        using var config = await registry.LoginAsync();
        var pushed = await registry.PushAsync("busybox:latest", "stagegate-it/denied", "1", config);
        using var anonymous = TempDockerConfig.Create();
        using var wrong = TempDockerConfig.Create();
        await File.WriteAllTextAsync(Path.Combine(wrong.Folder, "config.json"),
            $$"""{ "auths": { "{{registry.Host}}": { "auth": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes($"{registry.Username}:not-{registry.Password}"))}}" } } }""");

        var refusedAnonymous = await FailAsync(pushed.Reference, Settings(anonymous));
        var refusedWrong = await FailAsync(pushed.Reference, Settings(wrong));

        output.WriteLine(refusedAnonymous.Message);
        output.WriteLine(refusedWrong.Message);
        Assert.Equal(Codes.RegistryAuthDenied.Code, refusedAnonymous.Code);
        Assert.Contains($"docker login {registry.Host}", refusedAnonymous.Message, StringComparison.Ordinal);
        Assert.Equal(Codes.RegistryAuthDenied.Code, refusedWrong.Code);
        Assert.DoesNotContain(registry.Password!, refusedWrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_deleted_from_the_registry_is_SG2019()
    {
        if (!await RequireAsync(RegistryAuth.None))
        {
            return;
        }
        await using var registry = await LocalRegistry.StartAsync(RegistryAuth.None);
        using var config = await registry.LoginAsync();
        var pushed = await registry.PushAsync("busybox:latest", "stagegate-it/deleted", "1", config);
        using (var http = registry.CreateHttpClient())
        {
            using var deleted = await http.DeleteAsync(new Uri($"v2/{pushed.Repository}/manifests/{pushed.Digest}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        }

        var error = await FailAsync($"{pushed.Reference}@{pushed.Digest}", Settings(config));

        Assert.Equal(Codes.ManifestNotFound.Code, error.Code);
    }

    [Fact]
    public async Task A_registry_that_stopped_is_SG2017_and_a_compressed_budget_is_not_checked_rather_than_passed()
    {
        if (!await RequireAsync(RegistryAuth.None))
        {
            return;
        }
        var registry = await LocalRegistry.StartAsync(RegistryAuth.None);
        using var config = await registry.LoginAsync();
        var pushed = await registry.PushAsync("busybox:latest", "stagegate-it/gone", "1", config);
        await registry.DisposeAsync();

        var run = await HostedGate.MeasureAsync(
            new OptionValues(FrontEnd.Cli, Path.GetTempPath()).Add(OptionTable.CompressedSizeBudget, "50MB"), pushed.Reference, new RecordingHost(output));

        Assert.Equal(ExitCodes.InputOrEnvironmentError, run.ExitCode);
        Assert.Equal(Codes.RegistryUnreachable.Code, Assert.Single(run.Diagnostics).Code);
        Assert.Null(run.Result);
    }

    /// <summary>The tag a pushing check leaves in the engine, removed when the test ends.</summary>
    private sealed record Untag(string Tag) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await FixtureCommand.TryRunAsync("docker", ["image", "rm", Tag], new Dictionary<string, string?>(), cancellationToken: CancellationToken.None);
    }

    private async Task<bool> RequireAsync(RegistryAuth auth) =>
        FixturePrerequisites.Met(output, LocalRegistry.WhyUnavailable(auth)) && await DockerAvailability.RequireAsync(output);

    private static GateOptions Pushing(GateSample sample, string tag, string? compressedBudget)
    {
        var options = ((GateOptions)(sample.Options with { Tags = [tag], UseConfigurationFile = false })).With(OptionTable.Push, true);
        return compressedBudget is null ? options : options.With<string?>(OptionTable.CompressedSizeBudget, compressedBudget);
    }

    private static RegistrySettings Settings(TempDockerConfig config) => new(
        [], RegistrySettings.DefaultCertsDirectory, RegistrySettings.DefaultTimeout, name => name == "DOCKER_CONFIG" ? config.Folder : null);

    private static async Task<Diagnostic> FailAsync(string reference, RegistrySettings settings) =>
        (await Assert.ThrowsAsync<StageGateException>(() => RegistryMeasurer.MeasureAsync(RegistryReference.Parse(reference), settings, CancellationToken.None))).Diagnostic;

    /// <summary>Config plus layers as the manifest lists them, read with the fixture's own client: the number StageGate must give.</summary>
    private static async Task<long> ManifestSizeAsync(LocalRegistry registry, string repository, string digest)
    {
        using var http = registry.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"v2/{repository}/manifests/{digest}", UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return manifest.RootElement.GetProperty("config").GetProperty("size").GetInt64()
            + manifest.RootElement.GetProperty("layers").EnumerateArray().Sum(l => l.GetProperty("size").GetInt64());
    }

    /// <summary>PUTs an OCI image index over existing manifests, as buildx pushes a multi-platform image with attestations.</summary>
    private static async Task<string> PutIndexAsync(LocalRegistry registry, string repository, string tag, params (string Digest, string Architecture, bool Attestation)[] entries)
    {
        using var http = registry.CreateHttpClient();
        var manifests = new List<object>();
        foreach (var (digest, architecture, attestation) in entries)
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, new Uri($"v2/{repository}/manifests/{digest}", UriKind.Relative));
            head.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
            using var found = await http.SendAsync(head);
            found.EnsureSuccessStatusCode();
            var entry = new Dictionary<string, object>
            {
                ["mediaType"] = found.Content.Headers.ContentType!.MediaType!,
                ["digest"] = digest,
                ["size"] = found.Content.Headers.ContentLength!.Value,
                ["platform"] = new Dictionary<string, string> { ["os"] = attestation ? "unknown" : "linux", ["architecture"] = architecture },
            };
            if (attestation)
            {
                entry["annotations"] = new Dictionary<string, string>
                {
                    ["vnd.docker.reference.type"] = "attestation-manifest",
                    ["vnd.docker.reference.digest"] = entries[0].Digest,
                };
            }
            manifests.Add(entry);
        }
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciIndex,
            ["manifests"] = manifests,
        });
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(MediaTypes.OciIndex);
        using var put = await http.PutAsync(new Uri($"v2/{repository}/manifests/{tag}", UriKind.Relative), content);
        Assert.True(put.StatusCode == HttpStatusCode.Created, $"PUT index: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        return put.Headers.GetValues("Docker-Content-Digest").Single();
    }
}
