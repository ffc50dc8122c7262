namespace StageGate.Diagnostics;

/// <summary>How much a diagnostic matters to the build.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
