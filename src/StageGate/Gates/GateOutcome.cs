namespace StageGate.Gates;

/// <summary>How one gate ended: a test stage, the final image, or a size budget.</summary>
public enum GateOutcome
{
    /// <summary>The gate passed.</summary>
    Passed,

    /// <summary>The gate failed: a step of the stage failed, or the image is over its budget.</summary>
    Failed,

    /// <summary>The gate could not decide (no measurement); never counted as over budget.</summary>
    CouldNotMeasure,

    /// <summary>The gate did not run, e.g. the final stage after failing tests in sequential mode.</summary>
    NotRun,
}
