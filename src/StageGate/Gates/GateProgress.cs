namespace StageGate.Gates;

/// <summary>One line of progress, streamed while the gates run.</summary>
internal sealed record GateProgress(GateProgressLevel Level, string Message);
