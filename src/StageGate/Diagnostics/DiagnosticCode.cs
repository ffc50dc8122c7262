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

    /// <summary>A diagnostic with this code at its default severity, optionally pointing at a place in a file.</summary>
    public Diagnostic Create(string message, string? file = null, int? line = null, int? column = null) =>
        new(DefaultSeverity, Code, message, file, line, column);

    /// <summary>A diagnostic with this code at another severity than its default, e.g. an error demoted to a warning.</summary>
    public Diagnostic Create(DiagnosticSeverity severity, string message, string? file = null, int? line = null) =>
        new(severity, Code, message, file, line);

    /// <summary>An exception carrying a diagnostic with this code, to throw where the work cannot go on.</summary>
    public StageGateException Exception(string message, string? file = null, int? line = null) =>
        new(Create(message, file, line));

    /// <summary>The code, e.g. <c>SG1001</c>.</summary>
    public override string ToString() => Code;
}
