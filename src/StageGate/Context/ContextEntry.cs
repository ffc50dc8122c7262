using System.IO.Enumeration;

namespace StageGate.Context;

/// <summary>A file the walk found to be sent, with what the fingerprint needs.</summary>
internal readonly record struct ContextEntry(string Path, long Size, long LastWriteTicks);
