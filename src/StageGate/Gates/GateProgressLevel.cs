namespace StageGate.Gates;

/// <summary>How loudly a host should show a progress line.</summary>
internal enum GateProgressLevel
{
    /// <summary>Build output and internals: verbose logs only.</summary>
    Detail,

    /// <summary>A step started, finished or was cached: normal logs.</summary>
    Step,

    /// <summary>A verdict or a summary: always shown.</summary>
    Summary,
}
