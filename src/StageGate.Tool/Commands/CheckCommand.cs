using System.CommandLine;
using StageGate.Ci;
using StageGate.Hosting;
using StageGate.Reports;

namespace StageGate.Tool.Commands;

/// <summary><c>stagegate check</c>: the gates in one command, with an exit code CI understands.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Build the test stage(s) and the final stage, measure the final image, and enforce its size budget.");
        var options = TableOptions.All();
        options.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = options.Values(parse, Environment.CurrentDirectory);
            var ci = CiSystem.Detect(values);
            var host = new ConsoleHost(parse.InvocationConfiguration.Error, ci);
            var run = await HostedGate.CheckAsync(values, host, cancellationToken);
            var exitCode = await host.FinishAsync(run);
            await parse.InvocationConfiguration.Output.WriteAsync(ConsoleReport.Render(run.Result, run.Diagnostics, ci, run.CiCommands));
            return exitCode;
        });
        return command;
    }
}
