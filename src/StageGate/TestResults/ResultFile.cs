namespace StageGate.TestResults;

/// <summary>One result file read from an exported results folder: its tests, or why it could not be read.</summary>
/// <param name="Path">The file on the host.</param>
/// <param name="Tests">Its tests; empty when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why it could not be read (not XML, a DTD, too large); null when it was.</param>
internal sealed record ResultFile(string Path, IReadOnlyList<TestCaseResult> Tests, string? Problem)
{
    public bool Readable => Problem is null;
}
