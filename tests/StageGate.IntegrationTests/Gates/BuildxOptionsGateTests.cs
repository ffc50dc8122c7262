using StageGate.Diagnostics;
using StageGate.Engine;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.IntegrationTests.Gates;

/// <summary>CI's buildx options against the provisioned engine's docker driver: what it honours runs, what it cannot is SG2015 before any build.</summary>
[Collection(DockerGates.Name)]
public sealed class BuildxOptionsGateTests(ITestOutputHelper output)
{
    private const string CacheSample = """
        FROM busybox:latest AS test
        RUN echo test {token}
        FROM busybox:latest AS final
        RUN echo {token} > /token.txt
        """;

    [Fact]
    public async Task A_run_exports_inline_cache_and_a_second_run_reads_the_cache_from_that_image_without_a_registry()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(CacheSample);
        var cacheImage = $"stagegate-it/cache-{sample.Token}:1";
        using var engine = new EngineClient(DockerEndpoint.Resolve());
        try
        {
            GateOptions first = sample.Options with { Tags = [cacheImage] };
            var exported = await GatePipeline.CheckAsync(first.With<IReadOnlyList<string>>(OptionTable.CacheTo, ["type=inline"]), new RecordingProgress(output));
            Assert.True(exported.Passed, string.Join("\n", exported.Diagnostics));

            var progress = new RecordingProgress(output);
            GateOptions second = sample.Options with { Sequential = true };
            var imported = await GatePipeline.CheckAsync(second.With<IReadOnlyList<string>>(OptionTable.CacheFrom, [cacheImage]), progress);

            Assert.True(imported.Passed, string.Join("\n", imported.Diagnostics));
            Assert.Contains(imported.Steps, s => s.Step.Contains($"echo {sample.Token}", StringComparison.Ordinal) && s.Cached);
        }
        finally
        {
            await engine.RemoveImageAsync(cacheImage);
        }
    }

    [Fact]
    public async Task Provenance_on_the_docker_driver_is_SG2015_naming_the_builder_and_the_flag_before_anything_is_built()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(CacheSample);
        var progress = new RecordingProgress(output);

        var error = await Assert.ThrowsAsync<StageGateException>(() =>
            GatePipeline.CheckAsync(((GateOptions)sample.Options).With<string?>(OptionTable.Provenance, "true"), progress));

        Assert.Equal(Codes.BuilderCannotHonour.Code, error.Code);
        Assert.Matches(@"^buildx builder '[^']+' \(driver docker, BuildKit [^)]+\) cannot honour --provenance true: the docker driver attaches no provenance", error.Message);
        Assert.Empty(progress.Lines);
    }

    [Fact]
    public async Task Provenance_switched_off_is_honoured_by_the_docker_driver()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(CacheSample);

        var result = await GatePipeline.CheckAsync(
            ((GateOptions)sample.Options).With<string?>(OptionTable.Provenance, "false").With<string?>(OptionTable.Sbom, "false"), new RecordingProgress(output));

        Assert.True(result.Passed, string.Join("\n", result.Diagnostics));
    }
}
