using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.IntegrationTests.Gates;

/// <summary>The one entry point every front end calls, against the real engine: verdict, diagnostics, exit code.</summary>
[Collection(DockerGates.Name)]
public sealed class HostedGateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_report_that_cannot_be_written_comes_after_the_failed_test_and_the_exit_code_is_the_gates()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCheckTests.FailingTest);
        var host = new RecordingHost(output);
        // A path below a file can never be created, whatever the user running the tests may do.
        var report = Path.Combine(sample.Write("not-a-folder", "x"), "report.json");

        var run = await HostedGate.CheckAsync((sample.Options with { ReportPath = report }).ToValues(), host);

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        Assert.Equal([Codes.TestStepFailed.Code, Codes.ReportNotWritten.Code], host.Diagnostics.Where(d => d.IsError).Select(d => d.Code));
        Assert.Contains("--report", host.Diagnostics.Last().Message, StringComparison.Ordinal);
        Assert.NotNull(run.Result);
        Assert.Null(run.Result.ReportPath);
    }

    [Fact]
    public async Task A_passing_run_gives_the_host_no_error_and_one_summary_with_the_size()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(GateCheckTests.Passing);
        var host = new RecordingHost(output);

        var run = await HostedGate.CheckAsync(sample.Options.ToValues(), host);

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.DoesNotContain(host.Diagnostics, d => d.IsError);
        Assert.Matches(@"^StageGate: tests passed \(1 stage\), final image \d", run.Summary);
        Assert.Contains(host.Progress, p => p.Message.EndsWith("— started", StringComparison.Ordinal) || p.Message.EndsWith("— cached", StringComparison.Ordinal));
    }
}
