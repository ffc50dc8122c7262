using System.CommandLine;
using StageGate.Tool.Commands;

var root = new RootCommand("StageGate: run a Dockerfile's test stages, measure the final image, enforce its size budget.");
// Each command lives in Commands/ and is added here, one line each.
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(StagesCommand.Create());
root.Subcommands.Add(ContextCommand.Create());

return await root.Parse(args).InvokeAsync();
