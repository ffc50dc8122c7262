using StageGate.Engine;
using StageGate.Processes;
using StageGate.Tests;

namespace StageGate.IntegrationTests.Samples;

/// <summary>The wordfreq-c sample really builds: its tests run, and its final image is a fraction of the single-stage one.</summary>
public class WordfreqSampleTests(ITestOutputHelper output)
{
    private static readonly string Sample = Path.Combine(RepoRoot.Path, "samples", "wordfreq-c");

    [Fact]
    public async Task The_sample_test_stage_runs_its_unit_tests_through_buildx()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }

        var (exitCode, log) = await BuildAsync("--target", "test", "--progress", "plain", "--no-cache-filter", "test", ".");

        Assert.Equal(0, exitCode);
        Assert.Contains("0 failed", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_final_image_is_far_smaller_than_the_single_stage_image()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }

        Assert.Equal(0, (await BuildAsync("--target", "final", "--tag", "stagegate-it/wordfreq:final", ".")).ExitCode);
        Assert.Equal(0, (await BuildAsync("--file", "Dockerfile.single", "--tag", "stagegate-it/wordfreq:single", ".")).ExitCode);

        using var engine = new EngineClient(DockerEndpoint.Resolve());
        var final = await engine.InspectImageAsync("stagegate-it/wordfreq:final", CancellationToken.None);
        var single = await engine.InspectImageAsync("stagegate-it/wordfreq:single", CancellationToken.None);
        Assert.NotNull(final);
        Assert.NotNull(single);
        output.WriteLine($"final {final.Size} bytes, single-stage {single.Size} bytes");
        Assert.True(final.Size * 50 < single.Size, $"final image {final.Size} B is not far smaller than the single-stage {single.Size} B");
    }

    private async Task<(int ExitCode, string Log)> BuildAsync(params string[] arguments)
    {
        var log = new System.Text.StringBuilder();
        var sink = OutputTarget.Merge(OutputTarget.ToStringBuilder(log), OutputTarget.ToLines(output.WriteLine));
        var result = await ProcessRunner.RunAsync(
            new ProcessCommand("docker").WithArguments(["buildx", "build", .. arguments]).WithWorkingDirectory(Sample),
            OutputTarget.Null,
            sink, // buildx writes its progress to stderr
            CancellationToken.None);
        return (result.ExitCode, log.ToString());
    }
}
