namespace StageGate.Context;

/// <summary>
/// A file the build context sends: its <c>/</c>-separated path relative to the context folder and its
/// size in bytes. A symbolic link is sent as a link, so its size is the link's own, not its target's.
/// </summary>
internal sealed record ContextFile(string Path, long Size);
