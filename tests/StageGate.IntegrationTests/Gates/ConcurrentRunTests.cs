using StageGate.Engine;
using StageGate.Gates;

namespace StageGate.IntegrationTests.Gates;

/// <summary>Two runs of one Dockerfile share its default tag; each measures the image it built, never the tag's.</summary>
[Collection(DockerGates.Name)]
public sealed class ConcurrentRunTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>The final image holds SIZE KiB more than busybox.</summary>
    private const string SizedByArgument = """
        FROM busybox:latest AS final
        ARG SIZE=1
        RUN dd if=/dev/zero of=/blob bs=1k count=$SIZE && echo {token}
        """;

    [Fact]
    public async Task Two_runs_with_different_build_args_each_report_the_size_of_the_image_they_built()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(SizedByArgument);
        using var engine = new EngineClient(DockerEndpoint.Resolve());
        using var firstBuilt = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // The first run is held once its last step has run, after buildx tagged its image and before it is
        // measured: the moment a second run's tag can move under it.
        var first = Task.Run(() => GatePipeline.CheckAsync(
            sample.Options with { BuildArgs = new Dictionary<string, string> { ["SIZE"] = "10" } },
            new RecordingProgress(output, line =>
            {
                if (line.Message.Contains("RUN dd", StringComparison.Ordinal) && line.Message.EndsWith('s') && !line.Message.Contains("still running", StringComparison.Ordinal))
                {
                    firstBuilt.Set();
                    release.Wait(Patience);
                }
            })));
        Assert.True(firstBuilt.Wait(Patience), "the first run never finished its step");
        var deadline = DateTime.UtcNow + Patience;
        while (await engine.InspectImageAsync(sample.ImageTag("final")) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var second = await GatePipeline.CheckAsync(
            sample.Options with { BuildArgs = new Dictionary<string, string> { ["SIZE"] = "300" } }, new RecordingProgress(output));
        release.Set();
        var firstResult = await first.WaitAsync(Patience);

        Assert.True(firstResult.Passed && second.Passed, string.Join("\n", firstResult.Diagnostics.Concat(second.Diagnostics)));
        Assert.NotEqual(firstResult.FinalImage!.ImageId, second.FinalImage!.ImageId);
        Assert.Equal(290 * 1024, second.FinalImage.SizeBytes - firstResult.FinalImage.SizeBytes);
        // The last run to finish owns the default tag; the first no longer claims it.
        Assert.Empty(firstResult.FinalImage.Tags);
        Assert.Equal([sample.ImageTag("final")], second.FinalImage.Tags);
        // The sample removes its tag; the first image has none left.
        await engine.RemoveImageAsync(firstResult.FinalImage.ImageId!);
    }
}
