using StageGate.TestResults;

namespace StageGate.Gates;

/// <summary>A test stage that was built explicitly.</summary>
public sealed record TestStageResult(string Target, GateOutcome Outcome, TimeSpan Duration, FailedStep? Failure = null)
{
    /// <summary>Why the stage did not run, when <see cref="Outcome"/> is <see cref="GateOutcome.NotRun"/>.</summary>
    public string? NotRunReason { get; init; }

    /// <summary>The tests its result files hold, failures mapped to their repository lines; empty without the test results option.</summary>
    public IReadOnlyList<TestCaseResult> Tests { get; init; } = [];

    /// <summary>How many of <see cref="Tests"/> passed, failed and were skipped; null when no result file was read.</summary>
    public TestCounts? Counts { get; init; }

    /// <summary>Where its results were copied to on the host; null when none came out.</summary>
    public string? ResultsFolder { get; init; }

    /// <summary>Why its results failed the gate although its steps passed (SG3006, SG3008, SG3009), for reports that show one line per gate.</summary>
    internal Diagnostics.Diagnostic? ResultsFailure { get; init; }
}
