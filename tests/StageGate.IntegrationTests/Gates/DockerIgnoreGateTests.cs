using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.IntegrationTests.Gates;

/// <summary>
/// A malformed .dockerignore through the one entry point every front end calls: StageGate fails exactly when
/// buildx would (BuildKit rejects the patterns when it loads the build context), and says so before docker runs.
/// </summary>
[Collection(DockerGates.Name)]
public sealed class DockerIgnoreGateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_malformed_dockerignore_is_SG1010_at_its_line_before_docker_is_started()
    {
        await using var sample = new GateSample("""
            FROM busybox:latest AS test
            RUN true
            FROM busybox:latest AS final
            COPY app.txt /app.txt
            """);
        sample.Write("app.txt", "app");
        var ignore = sample.Write(".dockerignore", "obj/\n[\n");
        // A docker that does not exist would be SG2001 the moment anything tried to start it.
        var options = sample.Options with { DockerPath = "/nonexistent/docker-" + sample.Token };
        var host = new RecordingHost(output);

        var run = await HostedGate.CheckAsync(options.ToValues(), host);

        var logged = Assert.Single(host.Diagnostics);
        Assert.Equal((Codes.InvalidIgnorePattern.Code, ignore, 2), (logged.Code, logged.File, logged.Line));
        Assert.Equal(ExitCodes.InputOrEnvironmentError, run.ExitCode);
    }

    [Fact]
    public async Task A_malformed_dockerignore_passes_like_buildx_when_no_target_sends_the_context()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = new GateSample("""
            FROM busybox:latest AS test
            RUN echo {token}
            FROM busybox:latest AS final
            RUN echo {token} > /token.txt
            """);
        sample.Write(".dockerignore", "[\n");
        var host = new RecordingHost(output);

        var run = await HostedGate.CheckAsync(sample.Options.ToValues(), host);

        Assert.True(run.Passed, string.Join("\n", host.Diagnostics));
    }
}
