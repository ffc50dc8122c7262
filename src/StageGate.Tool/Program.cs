using System.CommandLine;
using StageGate.Diagnostics;
using StageGate.Hosting;
using StageGate.Tool.Commands;

// A named root rather than RootCommand: help then says `stagegate`, the tool's command, not the assembly's name.
var root = new Command("stagegate", "StageGate: run a Dockerfile's test stages, measure the final image, enforce its size budget.")
{
    new System.CommandLine.Help.HelpOption(),
    new VersionOption(),
};
// Each command lives in Commands/ and is added here, one line each.
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(StagesCommand.Create());
root.Subcommands.Add(ContextCommand.Create());
root.Subcommands.Add(LintCommand.Create());
root.Subcommands.Add(MSBuildCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
{
    // A mistyped option is an input error like any other: coded, and exit code 2 (System.CommandLine would say 1).
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine(Codes.InvalidOption.Create(error.Message + " See 'stagegate --help'.").ToString());
    }
    return ExitCodes.InputOrEnvironmentError;
}

// Ctrl-C cancels the token; give buildx time to stop gracefully before the process is torn down.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) });
