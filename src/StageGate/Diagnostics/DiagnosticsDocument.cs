using System.Text;

namespace StageGate.Diagnostics;

/// <summary>
/// Renders docs/diagnostics.md from <see cref="Codes"/>, so a code's texts are written once, in the code,
/// and the document cannot drift from what StageGate reports.
/// </summary>
internal static class DiagnosticsDocument
{
    /// <summary>The document's path from the repository root.</summary>
    public const string RelativePath = "docs/diagnostics.md";

    /// <summary>The whole document, with '\n' line ends whatever the platform, so it is the same byte for byte everywhere.</summary>
    public static string Render()
    {
        var text = new StringBuilder()
            .Append("<!-- Generated from src/StageGate/Diagnostics/Codes.cs; do not edit. To regenerate, run the unit tests with STAGEGATE_REGENERATE_DOCS=1. -->\n")
            .Append("# StageGate diagnostics\n")
            .Append('\n')
            .Append("Every message StageGate reports carries a code. Ranges: `SG1xxx` configuration and input, `SG2xxx` environment\n")
            .Append("(docker, buildx, daemon, builder), `SG3xxx` test and build stages, `SG4xxx` size budgets, `SG5xxx` lint.\n")
            .Append("Each code below says what it means and how to fix it.\n");
        foreach (var code in Codes.All)
        {
            text.Append('\n')
                .Append("## ").Append(code.Code).Append(": ").Append(code.Title).Append('\n')
                .Append('\n')
                .Append("Severity: ").Append(Diagnostic.SeverityWord(code.DefaultSeverity)).Append(".\n")
                .Append('\n');
            if (code.Explanation is not null)
            {
                text.Append(code.Explanation).Append('\n').Append('\n');
            }
            text.Append(code.Remedy).Append('\n');
        }
        return text.ToString();
    }
}
