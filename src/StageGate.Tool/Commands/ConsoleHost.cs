using System.CommandLine;
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

    /// <summary>
    /// The action of a command that looks at the inputs without docker (<c>stages</c>, <c>context</c>): the core
    /// resolves <paramref name="inputs"/> and codes every error; the text it returns goes to stdout.
    /// </summary>
    public static void SetInspection(Command command, TableOptions inputs, Func<ParseResult, GateOptions, CancellationToken, string> inspect) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var host = new ConsoleHost(parse.InvocationConfiguration.Error);
            var run = await HostedGate.InspectAsync(inputs.Values(parse, Environment.CurrentDirectory), host, options => inspect(parse, options, cancellationToken), cancellationToken);
            if (run.Result is { } text)
            {
                await parse.InvocationConfiguration.Output.WriteAsync(text.AsMemory(), cancellationToken);
            }
            return await host.FinishAsync(run);
        });

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
