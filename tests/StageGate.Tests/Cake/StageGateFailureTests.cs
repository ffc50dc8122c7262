using StageGate.Cake;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Tests.Cake;

public sealed class StageGateFailureTests
{
    private static readonly FailedStep FailingTest = new(
        "test", "test", 2, "RUN test -f /missing.txt", 4, "exit code 1", ["+ test -f /missing.txt", "exit 1"]);

    [Fact]
    public void The_failure_names_the_dockerfile_line_and_shows_the_failing_output()
    {
        var result = new GateResult
        {
            Dockerfile = "/src/Dockerfile",
            Context = "/src",
            TestStages = [new TestStageResult("test", GateOutcome.Failed, TimeSpan.FromSeconds(1), FailingTest)],
            Diagnostics =
            [
                Codes.TestStepFailed.Create("RUN test -f /missing.txt failed", "/src/Dockerfile", 4, 1) with { Details = ["exit 1"] },
            ],
        };

        var lines = StageGateRun.DescribeFailure(result).Split(Environment.NewLine);

        Assert.Equal(
            ["StageGate failed for /src/Dockerfile.", "/src/Dockerfile(4,1): error SG3001: RUN test -f /missing.txt failed", "    exit 1"],
            lines);
    }

    [Fact]
    public void The_failing_step_output_is_shown_when_no_diagnostic_carries_it()
    {
        var result = new GateResult
        {
            Dockerfile = "/src/Dockerfile",
            Context = "/src",
            TestStages = [new TestStageResult("test", GateOutcome.Failed, TimeSpan.FromSeconds(1), FailingTest)],
            Diagnostics = [Codes.TestStepFailed.Create("RUN test -f /missing.txt failed", "/src/Dockerfile", 4, 1)],
        };

        var lines = StageGateRun.DescribeFailure(result).Split(Environment.NewLine);

        Assert.Equal(["  test step 2: RUN test -f /missing.txt", "    + test -f /missing.txt", "    exit 1"], lines[2..]);
    }

    [Fact]
    public void Warnings_and_notes_are_not_listed_as_the_reason_for_failing()
    {
        var result = new GateResult
        {
            Dockerfile = "/src/Dockerfile",
            Context = "/src",
            Diagnostics =
            [
                Codes.NoTestStage.Create("no stage named test", "/src/Dockerfile"),
                Codes.SizeReport.Create("final image 12 MB"),
                Codes.OverBudget.Create("final image 12 MB is over its budget of 10 MB", "/src/Dockerfile", 5, 1),
            ],
        };

        var lines = StageGateRun.DescribeFailure(result).Split(Environment.NewLine);

        Assert.Equal("/src/Dockerfile(5,1): error SG4001: final image 12 MB is over its budget of 10 MB", Assert.Single(lines[1..]));
    }
}
