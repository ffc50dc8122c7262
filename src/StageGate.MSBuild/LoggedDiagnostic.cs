using StageGate.Diagnostics;

namespace StageGate.MSBuild;

/// <summary>
/// A core diagnostic in the shape MSBuild logs it: always a file (the project when the diagnostic
/// has none, so a bad property points at the project), and the details under the message.
/// </summary>
internal sealed record LoggedDiagnostic(DiagnosticSeverity Severity, string Code, string File, int Line, int Column, string Message)
{
    /// <param name="diagnostic">What the core reported.</param>
    /// <param name="projectFile">Where a diagnostic about the project's own settings points.</param>
    /// <param name="projectNamesTargets">The project set StageGateTestTargets or StageGateFinalTarget, so an unknown target is its typo.</param>
    public static LoggedDiagnostic From(Diagnostic diagnostic, string projectFile, bool projectNamesTargets = false)
    {
        var message = diagnostic.Details.Count == 0
            ? diagnostic.Message
            : diagnostic.Message + Environment.NewLine + string.Join(Environment.NewLine, diagnostic.Details.Select(d => "  " + d));
        // The core names the Dockerfile for an unknown target; when the name came from a property, the fix is in the project.
        var aboutProjectTargets = projectNamesTargets && diagnostic.Code == Codes.UnknownTarget.Code && diagnostic.Line is null;
        // Errors and warnings always point somewhere (the project when nothing better); an info stays unplaced.
        var file = aboutProjectTargets ? projectFile
            : diagnostic.File ?? (diagnostic.Severity == DiagnosticSeverity.Info ? "" : projectFile);
        var line = aboutProjectTargets ? 0 : diagnostic.Line ?? 0;
        // Column 1 when only the line is known, so the location reads file(14,1) like the core's own rendering.
        return new(diagnostic.Severity, diagnostic.Code, file, line, line == 0 ? 0 : diagnostic.Column ?? 1, message);
    }
}
