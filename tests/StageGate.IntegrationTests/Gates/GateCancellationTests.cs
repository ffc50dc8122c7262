using System.Diagnostics;
using StageGate.Gates;

namespace StageGate.IntegrationTests.Gates;

/// <summary>Cancelling a run mid-build stops buildx and the build step; nothing of ours keeps running.</summary>
[Collection(DockerGates.Name)]
public sealed class GateCancellationTests(ITestOutputHelper output)
{
    /// <summary>The test stage sleeps; its shell keeps the token in its command line while it does.</summary>
    internal const string SleepingTest = """
        FROM busybox:latest AS test
        RUN sleep 30 && echo {token}
        FROM busybox:latest AS final
        RUN echo app > /app.txt
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_mid_build_throws_promptly_and_leaves_no_docker_process(bool sequential)
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(SleepingTest);
        using var cancellation = new CancellationTokenSource();

        var run = GatePipeline.CheckAsync(sample.Options with { Sequential = sequential }, new RecordingProgress(output), cancellation.Token);
        Assert.True(await OurProcesses.StepRunsWithinAsync($"sleep 30 && echo {sample.Token}", TimeSpan.FromSeconds(60)),
            "the sleeping test step never started");
        var cancelled = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        output.WriteLine($"cancelled after {cancelled.Elapsed.TotalSeconds:0.0}s");
        Assert.True(cancelled.Elapsed < TimeSpan.FromSeconds(15), $"cancelling took {cancelled.Elapsed}");
        Assert.Empty(await OurProcesses.GoneWithinAsync(sample, TimeSpan.FromSeconds(5)));
    }
}
