using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.Tests.Hosting;

/// <summary>1 is a gate's verdict, 2 no verdict at all, 0 a pass.</summary>
public sealed class ExitCodesTests
{
    [Fact]
    public void A_budget_that_could_not_be_checked_exits_2_not_1()
    {
        var unmeasured = Codes.CouldNotMeasure.Create(DiagnosticSeverity.Error, "Could not measure. The size budget could not be checked.");

        Assert.Equal(ExitCodes.InputOrEnvironmentError, ExitCodes.For([unmeasured]));
    }

    [Fact]
    public void Could_not_measure_without_a_budget_is_a_warning_and_exits_0()
    {
        Assert.Equal(ExitCodes.Passed, ExitCodes.For([Codes.CouldNotMeasure.Create("Could not measure.")]));
    }

    [Fact]
    public void A_failed_shared_build_stage_is_a_gates_verdict()
    {
        Assert.Equal(ExitCodes.GateFailed, ExitCodes.For([Codes.SharedStageFailed.Create("Build stage 'builder' failed.")]));
    }
}
