namespace StageGate.Buildx;

/// <summary>How buildx reports progress (<c>--progress</c>).</summary>
internal enum ProgressMode
{
    Auto,
    Plain,
    Tty,
    Quiet,

    /// <summary>BuildKit's solve status as JSON; what StageGate reads to find failing steps.</summary>
    RawJson,
}
