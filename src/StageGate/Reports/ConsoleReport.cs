using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// What the CLI prints for a check on stdout: the text verdict, and in CI the verdict made unable to issue
/// commands, then the CI system's own part (folded step output, annotations) and the lines the job summary
/// and the outputs need.
/// </summary>
internal static class ConsoleReport
{
    public static string Render(GateResult? result, IReadOnlyList<Diagnostic> diagnostics, CiSystem? ci, IReadOnlyList<string> ciCommands)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(ciCommands);
        var text = result is null ? "" : TextReport.Render(result, ci?.Workspace);
        if (ci is null)
        {
            return text;
        }
        // The outputs and summary before the annotations: Azure's task.complete, among them, should come last.
        return ci.Defuse(text) + string.Concat(ciCommands.Select(c => c + "\n")) + ci.Console(result, diagnostics);
    }
}
