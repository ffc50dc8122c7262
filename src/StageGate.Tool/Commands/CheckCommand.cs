using System.CommandLine;
using StageGate.Ci;
using StageGate.Diagnostics;
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
        var format = new Option<string>("--format") { Description = "Output format: text, or json (the whole run, docs/json-result.md).", DefaultValueFactory = _ => "text" };
        command.Options.Add(format);

        command.SetAction(async (parse, cancellationToken) =>
        {
            bool json;
            try
            {
                json = OutputFormat.IsJson(parse.GetValue(format));
            }
            catch (StageGateException e)
            {
                // Checked before the run, whose output the format decides; said as any input error is.
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Diagnostic.ToString());
                return ExitCodes.InputOrEnvironmentError;
            }
            var values = options.Values(parse, Environment.CurrentDirectory);
            var ci = CiSystem.Detect(values);
            var host = new ConsoleHost(parse.InvocationConfiguration.Error, ci);
            var run = await HostedGate.CheckAsync(values, host, cancellationToken);
            if (json)
            {
                // stdout holds the JSON alone; the diagnostics are in it, and the CI lines in its ciCommands.
                await parse.InvocationConfiguration.Output.WriteAsync(RunJson.Write(run));
                return run.ExitCode;
            }
            var exitCode = await host.FinishAsync(run);
            await parse.InvocationConfiguration.Output.WriteAsync(ConsoleReport.Render(run.Result, run.Diagnostics, ci, run.CiCommands));
            return exitCode;
        });
        return command;
    }
}
