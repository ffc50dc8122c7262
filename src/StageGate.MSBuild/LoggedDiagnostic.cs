using StageGate.Diagnostics;

namespace StageGate.MSBuild;

/// <summary>
/// A core diagnostic in the shape MSBuild logs it: always a file (the project when the diagnostic
/// has none, so a bad property points at the project), and the details under the message.
/// </summary>
internal sealed record LoggedDiagnostic(DiagnosticSeverity Severity, string Code, string File, int Line, int Column, string Message)
{
    public static LoggedDiagnostic From(Diagnostic diagnostic, string projectFile)
    {
        var message = diagnostic.Details.Count == 0
            ? diagnostic.Message
            : diagnostic.Message + Environment.NewLine + string.Join(Environment.NewLine, diagnostic.Details.Select(d => "  " + d));
        // Errors and warnings always point somewhere (the project when nothing better); an info stays unplaced.
        // Column 1 when only the line is known, so the location reads file(14,1) like the core's own rendering.
        return new(
            diagnostic.Severity,
            diagnostic.Code,
            diagnostic.File ?? (diagnostic.Severity == DiagnosticSeverity.Info ? "" : projectFile),
            diagnostic.Line ?? 0,
            diagnostic.Column ?? (diagnostic.Line is null ? 0 : 1),
            message);
    }
}
