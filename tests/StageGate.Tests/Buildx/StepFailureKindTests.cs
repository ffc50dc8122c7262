using StageGate.Buildx;

namespace StageGate.Tests.Buildx;

/// <summary>Whose fault a failed step is, read from BuildKit's error text (the only place that reads it).</summary>
public sealed class StepFailureKindTests
{
    [Theory]
    [InlineData("executor failed running [/bin/sh -c make test]: exit code: 2", false, 3, "Command")]
    [InlineData("process \"/bin/sh -c make test\" did not complete successfully: exit code: 1", false, 2, "Command")]
    [InlineData("failed to compute cache key: \"/missing\" not found: not found", false, 2, "Instruction")]
    [InlineData("failed to do request: Head \"https://nonexistent.invalid/v2/x/manifests/1\": no such host", true, null, "Environment")]
    [InlineData("pull access denied, repository does not exist", false, 1, "Environment")]
    [InlineData("rpc error: code = Unavailable desc = error reading from server: EOF", false, 2, "Environment")]
    [InlineData("rpc error: code = ResourceExhausted desc = grpc: received message larger than max (4194305 vs. 4194304)", false, 2, "Environment")]
    [InlineData("write /var/lib/docker/tmp/x: no space left on device", false, 2, "Environment")]
    public void A_command_that_exited_is_the_stages_failure_and_what_lies_outside_the_dockerfile_is_the_environments(
        string error, bool isInternal, int? stepNumber, string kind)
    {
        Assert.Equal(Enum.Parse<StepFailureKind>(kind), StepError.Classify(error, isInternal, stepNumber));
    }
}
