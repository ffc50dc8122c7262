namespace StageGate.Diagnostics;

/// <summary>A diagnostic with its detail lines (a failing step's output, the largest layers) under it, as every log shows them.</summary>
internal static class DiagnosticText
{
    private const string Indent = "  ";

    /// <summary><c>file(line,col): error SG1234: message</c>, then the details, indented.</summary>
    public static string WithDetails(Diagnostic diagnostic) => Join(diagnostic.ToString(), diagnostic);

    /// <summary>The message and its details, for a log that shows code and location itself (MSBuild).</summary>
    public static string MessageWithDetails(Diagnostic diagnostic) => Join(diagnostic.Message, diagnostic);

    private static string Join(string head, Diagnostic diagnostic) =>
        diagnostic.Details.Count == 0 ? head : head + Environment.NewLine + string.Join(Environment.NewLine, diagnostic.Details.Select(d => Indent + d));
}
