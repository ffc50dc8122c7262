namespace StageGate.TestResults;

/// <summary>How one test in a result file ended.</summary>
public enum TestCaseOutcome
{
    /// <summary>The test passed.</summary>
    Passed,

    /// <summary>The test failed or errored.</summary>
    Failed,

    /// <summary>The test was skipped or not run.</summary>
    Skipped,
}
