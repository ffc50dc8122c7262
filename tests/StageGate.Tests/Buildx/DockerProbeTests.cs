using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Measurement;

namespace StageGate.Tests.Buildx;

public class DockerProbeTests
{
    private const string MissingDocker = "stagegate-no-such-docker";

    private const string ExpectedMessage =
        "Could not start 'stagegate-no-such-docker': it was not found on PATH, or the file is not executable. "
        + "Install the Docker CLI, put it on PATH, or set the docker path (`StageGateDockerPath`, `DockerPath`).";

    [Fact]
    public async Task A_docker_that_does_not_start_is_SG2001_said_once_with_one_final_period()
    {
        var error = await Assert.ThrowsAsync<StageGateException>(
            () => DockerProbe.EnsureReadyAsync(MissingDocker, builder: null, CancellationToken.None));

        Assert.Equal(Codes.DockerNotFound.Code, error.Code);
        Assert.Equal(ExpectedMessage, error.Message);
    }

    [Fact]
    public async Task Measuring_with_a_docker_that_does_not_start_reports_the_same_SG2001()
    {
        var store = new DockerCliImageStore(MissingDocker);

        var error = await Assert.ThrowsAsync<StageGateException>(() => store.InspectAsync("busybox:latest", CancellationToken.None));

        Assert.Equal(Codes.DockerNotFound.Code, error.Code);
        Assert.Equal(ExpectedMessage, error.Message);
    }
}
