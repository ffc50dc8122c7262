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
    public async Task A_run_that_stopped_before_any_step_is_explained_by_the_probe()
    {
        var stoppedAtOnce = new BuildRun(1, [], ["ERROR: something went wrong"], null, TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<StageGateException>(
            () => DockerProbe.DiagnoseAsync(MissingDocker, builder: null, [stoppedAtOnce], CancellationToken.None));

        Assert.Equal(Codes.DockerNotFound.Code, error.Code);
    }

    [Fact]
    public async Task A_run_whose_steps_started_is_not_probed_and_keeps_its_own_failure()
    {
        var step = new BuildStep { Digest = "sha256:1", Number = 1, Name = "[final 2/2] RUN make", Instruction = "RUN make", StepNumber = 2, Started = DateTimeOffset.UnixEpoch };
        var failedInAStep = new BuildRun(1, [step], [], null, TimeSpan.Zero);

        // The missing docker would throw SG2001 if the probe ran.
        await DockerProbe.DiagnoseAsync(MissingDocker, builder: null, [failedInAStep], CancellationToken.None);
    }

    [Fact]
    public async Task A_run_that_succeeded_is_not_probed()
    {
        var succeeded = new BuildRun(0, [], [], null, TimeSpan.Zero);

        await DockerProbe.DiagnoseAsync(MissingDocker, builder: null, [succeeded], CancellationToken.None);
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
