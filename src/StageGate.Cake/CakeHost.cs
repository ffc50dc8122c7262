using Cake.Core.Diagnostics;
using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Cake;

/// <summary>
/// Cake's log as a host: build output only in verbose logs, steps in normal ones, verdicts and diagnostics always.
/// In CI a diagnostic is logged as the CI system's annotation (in place of the plain line, so it shows once), and
/// every other line is kept from issuing commands.
/// </summary>
internal sealed class CakeHost(ICakeLog log, CiSystem? ci = null) : IGateHost
{
    private readonly object _writing = new();
    private readonly AnnotationCount _annotated = new();

    public void Log(Diagnostic diagnostic)
    {
        var (verbosity, level) = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => (Verbosity.Quiet, LogLevel.Error),
            DiagnosticSeverity.Warning => (Verbosity.Minimal, LogLevel.Warning),
            _ => (Verbosity.Normal, LogLevel.Information),
        };
        lock (_writing)
        {
            var annotation = ci?.Annotation(diagnostic, _annotated);
            _annotated.Add(diagnostic);
            Write(verbosity, level, annotation ?? Defused(DiagnosticText.WithDetails(diagnostic)));
        }
    }

    public void Progress(GateProgress progress)
    {
        var (verbosity, level) = progress.Level switch
        {
            GateProgressLevel.Detail => (Verbosity.Verbose, LogLevel.Verbose),
            GateProgressLevel.Step => (Verbosity.Normal, LogLevel.Information),
            _ => (Verbosity.Minimal, LogLevel.Information),
        };
        Write(verbosity, level, Defused(progress.Message));
    }

    /// <summary>The run's one summary line, shown at every verbosity but quiet.</summary>
    public void Summary(string summary) => Write(Verbosity.Minimal, LogLevel.Information, Defused(summary));

    /// <summary>The lines the CI system acts on (Azure's output variables and summary), at every verbosity: they are not for reading.</summary>
    public void CiCommands(IReadOnlyList<string> commands)
    {
        foreach (var command in commands)
        {
            Write(Verbosity.Quiet, LogLevel.Information, command);
        }
    }

    private string Defused(string text) => ci is null ? text : ci.Defuse(text.ReplaceLineEndings("\n"));

    private void Write(Verbosity verbosity, LogLevel level, string message)
    {
        lock (_writing)
        {
            // The message is data, not a format string: braces in build output must print as they are.
            log.Write(verbosity, level, "{0}", message);
        }
    }
}
