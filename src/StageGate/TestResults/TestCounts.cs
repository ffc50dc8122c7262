using System.Globalization;

namespace StageGate.TestResults;

/// <summary>How many tests of a stage passed, failed and were skipped.</summary>
public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    /// <summary>The counts of <paramref name="tests"/>.</summary>
    public static TestCounts Of(IEnumerable<TestCaseResult> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var list = tests.ToList();
        return new TestCounts(
            list.Count(t => t.Outcome == TestCaseOutcome.Passed),
            list.Count(t => t.Outcome == TestCaseOutcome.Failed),
            list.Count(t => t.Outcome == TestCaseOutcome.Skipped));
    }

    /// <summary>All tests counted.</summary>
    public int Total => Passed + Failed + Skipped;

    /// <summary>As every report prints it: <c>2 passed, 1 failed, 0 skipped</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed} failed, {Skipped} skipped");
}
