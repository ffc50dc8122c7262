namespace StageGate.Diagnostics;

/// <summary>How much a diagnostic matters to the build.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; never fails a build.</summary>
    Info,

    /// <summary>Something to look at; fails a build only where warnings are errors.</summary>
    Warning,

    /// <summary>A gate or the run failed; the build fails.</summary>
    Error,
}
