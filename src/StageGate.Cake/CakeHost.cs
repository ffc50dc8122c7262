using Cake.Core.Diagnostics;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Cake;

/// <summary>Cake's log as a host: build output only in verbose logs, steps in normal ones, verdicts and diagnostics always.</summary>
internal sealed class CakeHost(ICakeLog log) : IGateHost
{
    private readonly object _writing = new();

    public void Log(Diagnostic diagnostic)
    {
        var (verbosity, level) = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => (Verbosity.Quiet, LogLevel.Error),
            DiagnosticSeverity.Warning => (Verbosity.Minimal, LogLevel.Warning),
            _ => (Verbosity.Normal, LogLevel.Information),
        };
        Write(verbosity, level, DiagnosticText.WithDetails(diagnostic));
    }

    public void Progress(GateProgress progress)
    {
        var (verbosity, level) = progress.Level switch
        {
            GateProgressLevel.Detail => (Verbosity.Verbose, LogLevel.Verbose),
            GateProgressLevel.Step => (Verbosity.Normal, LogLevel.Information),
            _ => (Verbosity.Minimal, LogLevel.Information),
        };
        Write(verbosity, level, progress.Message);
    }

    /// <summary>The run's one summary line, shown at every verbosity but quiet.</summary>
    public void Summary(string summary) => Write(Verbosity.Minimal, LogLevel.Information, summary);

    private void Write(Verbosity verbosity, LogLevel level, string message)
    {
        lock (_writing)
        {
            // The message is data, not a format string: braces in build output must print as they are.
            log.Write(verbosity, level, "{0}", message);
        }
    }
}
