namespace StageGate.Buildx;

/// <summary>A line that is not part of a JSON object, e.g. <c>ERROR: failed to solve: …</c> after the last object.</summary>
internal sealed record TextLineItem(string Text) : RawJsonItem;
