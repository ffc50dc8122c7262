namespace StageGate.Buildx;

/// <summary>One complete JSON object of the progress stream.</summary>
internal sealed record SolveStatusItem(SolveStatus Status) : RawJsonItem;
