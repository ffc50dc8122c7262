using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.MSBuild;

/// <summary>
/// MSBuild's log as a host: each diagnostic as a coded error, warning or message at its file and line; progress
/// at normal importance. Closed before the task returns, because MSBuild forbids logging from a finished task.
/// No annotations in CI: the canonical errors are what the .NET problem matchers and Azure's MSBuild logger read,
/// so a second, workflow-command copy would show every error twice. Build output is still kept from issuing commands.
/// </summary>
internal sealed class MSBuildHost(TaskLoggingHelper log, CiSystem? ci = null) : IGateHost, IDisposable
{
    private readonly object _lock = new();
    private bool _closed;

    public void Log(Diagnostic diagnostic)
    {
        var message = DiagnosticText.MessageWithDetails(ci is null ? diagnostic : ci.DefuseForMSBuild(diagnostic));
        var (file, line) = (diagnostic.File ?? "", diagnostic.Line ?? 0);
        // Column 1 when only the line is known, so the location reads file(14,1) like the core's own rendering.
        var column = line == 0 ? 0 : diagnostic.Column ?? 1;
        Write(() =>
        {
            switch (diagnostic.Severity)
            {
                case DiagnosticSeverity.Error:
                    log.LogError(null, diagnostic.Code, null, file, line, column, 0, 0, message);
                    break;
                case DiagnosticSeverity.Warning:
                    log.LogWarning(null, diagnostic.Code, null, file, line, column, 0, 0, message);
                    break;
                case DiagnosticSeverity.Info when file.Length > 0:
                    log.LogMessage(null, diagnostic.Code, null, file, line, column, 0, 0, MessageImportance.Normal, message);
                    break;
                default:
                    // Without a file MSBuild would place it at the task in our .targets file, which helps nobody.
                    log.LogMessage(MessageImportance.Normal, $"{diagnostic.Code}: {message}");
                    break;
            }
        });
    }

    public void Progress(GateProgress progress) =>
        Write(() => log.LogMessage(progress.Level == GateProgressLevel.Detail ? MessageImportance.Low : MessageImportance.Normal,
            ci is null ? progress.Message : ci.Defuse(progress.Message.ReplaceLineEndings("\n"))));

    public void Dispose() => Write(() => _closed = true);

    private void Write(Action write)
    {
        lock (_lock)
        {
            if (!_closed)
            {
                write();
            }
        }
    }
}
