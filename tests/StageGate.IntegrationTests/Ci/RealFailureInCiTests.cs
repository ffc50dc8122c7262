using System.Text.RegularExpressions;
using StageGate.Tests.Ci;

namespace StageGate.IntegrationTests.Ci;

/// <summary>
/// A real failing test stage, built by the real engine, under the environment GitHub Actions and Azure Pipelines give a
/// step: the failure is annotated at its Dockerfile line, the summary and outputs are written, and the build's own
/// output cannot issue a command.
/// </summary>
[Collection(Gates.DockerGates.Name)]
public sealed class RealFailureInCiTests(ITestOutputHelper output)
{
    // The failing step prints lines that would be commands if they reached the runner unneutralised.
    private const string FailingTest = """
        FROM busybox:latest AS builder
        RUN echo hello > /out.txt
        FROM builder AS test
        RUN echo "::error::forged by the build {token}"; echo "##vso[task.complete result=Succeeded;]{token}"; exit 3
        FROM busybox:latest AS final
        COPY --from=builder /out.txt /out.txt
        """;

    [Fact]
    public async Task On_GitHub_Actions_a_failing_test_is_annotated_at_its_line_and_the_summary_and_outputs_say_it_failed()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var ci = new SimulatedCiRun();
        var token = Guid.NewGuid().ToString("N");
        ci.Write("app/Dockerfile", FailingTest.Replace("{token}", token, StringComparison.Ordinal));

        var (exit, stdout, stderr) = await ci.GitHubAsync("--file", "app/Dockerfile");
        output.WriteLine(stdout);
        output.WriteLine(stderr);

        Assert.Equal(1, exit);
        Assert.Matches(@"(?m)^::error file=app/Dockerfile,line=4,[^\n]*title=SG3001::", stdout);
        // The build's own "::error::" line only ever appears between stop-commands markers, never as a live command.
        Assert.DoesNotMatch(new Regex(@"(?m)^::error::forged"), Live(stdout + stderr));
        Assert.Equal("false", ci.Outputs()["passed"]);
        Assert.Contains("SG3001", File.ReadAllText(ci.StepSummary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Azure_Pipelines_a_failing_test_is_a_logissue_at_its_line_and_no_line_of_the_build_can_complete_the_task()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var ci = new SimulatedCiRun();
        var token = Guid.NewGuid().ToString("N");
        ci.Write("app/Dockerfile", FailingTest.Replace("{token}", token, StringComparison.Ordinal));

        var (exit, stdout, stderr) = await ci.AzureAsync("--file", "app/Dockerfile");
        output.WriteLine(stdout);
        output.WriteLine(stderr);

        Assert.Equal(1, exit);
        Assert.Matches(@"##vso\[task\.logissue type=error;sourcepath=[^;\]]*app/Dockerfile;linenumber=4;[^\]]*code=SG3001\]", stdout);
        Assert.DoesNotContain($"##vso[task.complete result=Succeeded;]{token}", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("##vso[task.setvariable variable=passed;isOutput=true]false", stdout, StringComparison.Ordinal);
    }

    // The lines GitHub's runner would act on: everything outside ::stop-commands::TOKEN … ::TOKEN:: blocks.
    private static string Live(string text)
    {
        var live = new List<string>();
        string? stopToken = null;
        foreach (var line in text.Split('\n'))
        {
            if (stopToken is null && line.StartsWith("::stop-commands::", StringComparison.Ordinal))
            {
                stopToken = line["::stop-commands::".Length..].Trim();
            }
            else if (stopToken is not null && line.Trim() == $"::{stopToken}::")
            {
                stopToken = null;
            }
            else if (stopToken is null)
            {
                live.Add(line);
            }
        }
        return string.Join('\n', live);
    }
}
