namespace StageGate.Diagnostics;

/// <summary>
/// A documented diagnostic: its code, a short title, and what to do about it. The catalogue in
/// <see cref="Codes"/> is the only place these texts are written; docs/diagnostics.md is generated from it.
/// </summary>
public sealed record DiagnosticCode(string Code, DiagnosticSeverity DefaultSeverity, string Title, string Remedy)
{
    /// <summary>
    /// Why the diagnostic happens, when the title and remedy alone leave a user guessing; shown in the
    /// documentation before the remedy. Null when there is nothing to add.
    /// </summary>
    public string? Explanation { get; init; }

    public Diagnostic Create(string message, string? file = null, int? line = null, int? column = null) =>
        new(DefaultSeverity, Code, message, file, line, column);

    public Diagnostic Create(DiagnosticSeverity severity, string message, string? file = null, int? line = null) =>
        new(severity, Code, message, file, line);

    public StageGateException Exception(string message, string? file = null, int? line = null) =>
        new(Create(message, file, line));

    public override string ToString() => Code;
}
