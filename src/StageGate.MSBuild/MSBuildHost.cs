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
        var shown = ci is null ? diagnostic : ci.DefuseForMSBuild(diagnostic);
        Write(() => DiagnosticLog.Write(log, Diagnostic.SeverityWord(shown.Severity), shown.Code, shown.File, shown.Line, shown.Column,
            DiagnosticLog.MessageWithDetails(shown.Message, shown.Details)));
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
