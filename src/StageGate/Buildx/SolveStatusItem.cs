namespace StageGate.Buildx;

/// <summary>One complete JSON object of the progress stream.</summary>
/// <param name="Status">The object.</param>
/// <param name="LogStartCut">
/// The object outgrew the record limit, so the front of its log data was dropped and only the end kept: the first
/// output line it holds may be the end of a longer one.
/// </param>
internal sealed record SolveStatusItem(SolveStatus Status, bool LogStartCut = false) : RawJsonItem;
