using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tool.Commands;

/// <summary>
/// The console as a host: progress on stderr as it streams; diagnostics kept until the run ends, because a
/// run with a result prints them inside its report (once), and only a run without one prints them on stderr.
/// </summary>
internal sealed class ConsoleHost(TextWriter error) : IGateHost
{
    private readonly List<Diagnostic> _logged = [];
    private readonly object _writing = new();

    public void Log(Diagnostic diagnostic) => _logged.Add(diagnostic);

    public void Progress(GateProgress progress)
    {
        if (progress.Level == GateProgressLevel.Detail)
        {
            return;
        }
        lock (_writing)
        {
            error.WriteLine(progress.Message);
        }
    }

    /// <summary>The run's exit code, after printing its diagnostics on stderr when there is no report to carry them.</summary>
    public async Task<int> FinishAsync<T>(HostedRun<T> run)
        where T : class
    {
        if (run.Result is null)
        {
            foreach (var diagnostic in _logged)
            {
                await error.WriteLineAsync(DiagnosticText.WithDetails(diagnostic));
            }
        }
        return run.ExitCode;
    }
}
