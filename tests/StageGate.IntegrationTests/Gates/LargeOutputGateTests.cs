using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.IntegrationTests.Gates;

/// <summary>A failing test step that prints a lot, built by the real engine: the failure must keep its line and last output.</summary>
[Collection(DockerGates.Name)]
public sealed class LargeOutputGateTests(ITestOutputHelper output)
{
    /// <summary>Line 4 (step 1/1 of the test stage) prints 300 kB on one line, then a marker, and fails.</summary>
    internal const string NoisyFailingTest = """
        FROM busybox:latest AS builder
        RUN echo hello > /out.txt
        FROM builder AS test
        RUN echo "{token}"; head -c 300000 /dev/zero | tr '\0' 'x'; echo; echo LAST-LINE; exit 1
        FROM busybox:latest AS final
        COPY --from=builder /out.txt /out.txt
        """;

    [Fact]
    public async Task A_test_step_that_prints_300_kB_before_failing_keeps_its_line_and_last_output_and_shows_no_raw_json()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(NoisyFailingTest);
        var progress = new RecordingProgress(output);

        var result = await GatePipeline.CheckAsync(sample.Options, progress);

        var failure = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((Codes.TestStepFailed.Code, sample.Dockerfile, (int?)4), (failure.Code, failure.File, failure.Line));
        Assert.Contains("the command exited with code 1", failure.Message, StringComparison.Ordinal);
        Assert.Equal("LAST-LINE", failure.Details[^1]);
        Assert.StartsWith("[test 1/1] RUN echo", progress.Lines.Single(l => l.Message.EndsWith("— started", StringComparison.Ordinal)
            && l.Message.Contains("LAST-LINE", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(progress.Lines, l => l.Message.TrimStart().StartsWith('{') || l.Message.Contains("\"data\"", StringComparison.Ordinal));
    }
}
