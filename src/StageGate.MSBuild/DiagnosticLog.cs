using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace StageGate.MSBuild;

/// <summary>
/// How both tasks put a coded diagnostic in MSBuild's log, so the .NET task and the one that runs the CLI show the
/// same error at the same Dockerfile line. Plain values, not the core's Diagnostic: the .NET Framework task has no core.
/// </summary>
internal static class DiagnosticLog
{
    /// <summary>Logs one diagnostic; <paramref name="severity"/> is error, warning or info, as the JSON result writes it.</summary>
    public static void Write(TaskLoggingHelper log, string severity, string code, string? file, int? line, int? column, string message)
    {
        var (path, lineNumber) = (file ?? "", line ?? 0);
        // Column 1 when only the line is known, so the location reads file(14,1) like the core's own rendering.
        var columnNumber = lineNumber == 0 ? 0 : column ?? 1;
        switch (severity)
        {
            case "error":
                log.LogError(null, code, null, path, lineNumber, columnNumber, 0, 0, message);
                break;
            case "warning":
                log.LogWarning(null, code, null, path, lineNumber, columnNumber, 0, 0, message);
                break;
            default:
                if (path.Length > 0)
                {
                    log.LogMessage(null, code, null, path, lineNumber, columnNumber, 0, 0, MessageImportance.Normal, message);
                }
                else
                {
                    // Without a file MSBuild would place it at the task in our .targets file, which helps nobody.
                    log.LogMessage(MessageImportance.Normal, $"{code}: {message}");
                }
                break;
        }
    }

    /// <summary>The message with its detail lines under it, indented, as every StageGate log shows them.</summary>
    public static string MessageWithDetails(string message, IReadOnlyCollection<string> details) =>
        details.Count == 0 ? message : message + Environment.NewLine + string.Join(Environment.NewLine, details.Select(d => "  " + d));
}
