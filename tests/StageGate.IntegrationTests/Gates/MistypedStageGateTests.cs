using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.IntegrationTests.Gates;

/// <summary>What a user sees when a COPY --from misspells a stage: the warning at the line first, then buildx's failure to pull it.</summary>
[Collection(DockerGates.Name)]
public sealed class MistypedStageGateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_copy_from_a_mistyped_stage_warns_at_its_line_before_the_build_fails()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample("""
            FROM busybox:latest AS builder
            RUN echo {token} > /out.txt
            FROM builder AS test
            RUN test -f /out.txt
            FROM busybox:latest AS final
            COPY --from=biulder /out.txt /out.txt
            """);
        var host = new RecordingHost(output);

        var run = await HostedGate.CheckAsync(sample.Options.ToValues(), host);

        output.WriteLine(run.Summary);
        // The warning comes before the build fails: it is a plan finding, logged with the plan's other findings.
        var warning = Assert.Single(host.Diagnostics, d => d.Code == Codes.MistypedStageName.Code);
        var firstError = host.Diagnostics.ToList().FindIndex(d => d.IsError);
        Assert.Equal((Codes.MistypedStageName.Code, sample.Dockerfile, 6, 13), (warning.Code, warning.File, warning.Line, warning.Column));
        Assert.Contains("Did you mean 'builder'?", warning.Message, StringComparison.Ordinal);
        Assert.False(run.Passed);
        Assert.True(firstError > host.Diagnostics.ToList().IndexOf(warning), "the build's error comes after the warning");
        Assert.StartsWith("StageGate: tests not run", run.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Diagnostics, d => d.Code == Codes.TestStepFailed.Code);
    }
}
