using System.CommandLine;
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
            var host = new ConsoleHost(parse.InvocationConfiguration.Error);
            var values = options.Values(parse, Environment.CurrentDirectory);
            var run = await HostedGate.CheckAsync(values, host, cancellationToken);
            if (run.Result is { } result)
            {
                await parse.InvocationConfiguration.Output.WriteAsync(await ConsoleReport.RenderAsync(result, values, cancellationToken: CancellationToken.None));
            }
            return await host.FinishAsync(run);
        });
        return command;
    }
}
