namespace StageGate.Diagnostics;

/// <summary>
/// A message a user can act on: a code (<c>SGxxxx</c>), what happened, and where — a Dockerfile line
/// for a failing step, a project file for a bad property — so every host can point at it.
/// </summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null)
{
    /// <summary>Extra lines shown under the message: a failing step's last output, the largest layers.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>True when the diagnostic fails the build.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Renders in the canonical compiler format, <c>file(line,col): error SG1234: message</c>.</summary>
    public override string ToString()
    {
        var location = File is null ? "" : Line is null ? $"{File}: " : $"{File}({Line},{Column ?? 1}): ";
        return $"{location}{SeverityWord(Severity)} {Code}: {Message}";
    }

    /// <summary>The word a severity is shown as, here and in docs/diagnostics.md.</summary>
    internal static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
