namespace StageGate.Buildx;

/// <summary>What <see cref="RawJsonProgressReader"/> found in buildx's stderr: a solve status or a plain text line.</summary>
internal abstract record RawJsonItem;
