using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;
using StageGate.Reports;

namespace StageGate.IntegrationTests.Gates;

/// <summary>A build secret's value never reaches the progress, the result, or the report, even when a step prints it.</summary>
[Collection(DockerGates.Name)]
public sealed class GateSecretTests(ITestOutputHelper output)
{
    // The failing test step prints the secret it was given, on stdout and on stderr.
    private const string LeakingTest = """
        FROM busybox:latest AS builder
        RUN echo hello > /out.txt
        FROM builder AS test
        RUN --mount=type=secret,id=token echo "token is $(cat /run/secrets/token) {token}"; cat /run/secrets/token >&2; exit 1
        FROM busybox:latest AS final
        COPY --from=builder /out.txt /out.txt
        """;

    [Fact]
    public async Task A_secret_printed_by_a_failing_step_is_masked_everywhere_it_is_shown()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample(LeakingTest);
        var variable = "STAGEGATE_IT_SECRET_" + sample.Token;
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            var report = Path.Combine(sample.Folder, "report.json");

            var host = new RecordingHost(output);
            var run = await HostedGate.CheckAsync(
                (sample.Options with { Secrets = [new BuildSecret("token", variable)], ReportPath = report }).ToValues(),
                host);
            var result = run.Result!;

            var failure = Assert.Single(result.TestStages).Failure;
            Assert.NotNull(failure);
            Assert.Contains(failure.Output, line => line.Contains("token is ***", StringComparison.Ordinal));
            Assert.DoesNotContain(failure.Output, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(host.Progress, line => line.Message.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(host.Diagnostics, d => DiagnosticText.WithDetails(d).Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, Report.Render(result, ReportFormat.Text), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
