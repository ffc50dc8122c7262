namespace StageGate.TestResults;

/// <summary>One test from a TRX or JUnit XML file a test stage wrote.</summary>
/// <param name="Suite">The test's class or suite, e.g. <c>CalcTests</c>; empty when the file names none.</param>
/// <param name="Name">The test's name.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
public sealed record TestCaseResult(string Suite, string Name, TestCaseOutcome Outcome)
{
    /// <summary>The failure's message, e.g. <c>Assert.Equal() Failure</c>; null when it passed.</summary>
    public string? Message { get; init; }

    /// <summary>The failure's stack trace or output, as the file holds it.</summary>
    public string? StackTrace { get; init; }

    /// <summary>How long the test ran, when the file says.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The repository file the failure points at, mapped from the path inside the container; null when unmapped.</summary>
    public string? File { get; init; }

    /// <summary>The line in <see cref="File"/>.</summary>
    public int? Line { get; init; }

    /// <summary>The file and line a JUnit <c>testcase</c> names in its own attributes (pytest's <c>file</c>, <c>line</c>), as the container saw them.</summary>
    internal (string Path, int Line)? Reported { get; init; }

    /// <summary>The name as reports show it: <c>Suite.Name</c>, or the name alone when it already carries the suite.</summary>
    public string FullName => Suite.Length == 0 || Name.StartsWith(Suite + ".", StringComparison.Ordinal) ? Name : Suite + "." + Name;
}
