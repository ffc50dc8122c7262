using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StageGate.Diagnostics;
using StageGate.Hosting;
using StageGate.Lint;

namespace StageGate.Tool.Commands;

/// <summary><c>stagegate lint</c>: BuildKit's stage checks and the multi-stage pitfalls, as text, JSON or SARIF, without docker.</summary>
internal static class LintCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var inputs = new TableOptions([OptionTable.Dockerfile, OptionTable.Context, OptionTable.FinalTarget, OptionTable.BuildArgs, OptionTable.Lint]);
        var format = new Option<string>("--format") { Description = "Output format: text, json or sarif.", DefaultValueFactory = _ => "text" };
        var rules = new Option<string[]>("--rule") { Description = "Run only this rule (an id such as SG5012 or StageNameCasing). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var skip = new Option<string[]>("--skip") { Description = "Turn this rule off. Repeatable.", AllowMultipleArgumentsPerToken = false };

        var command = new Command("lint", "Check the Dockerfile for BuildKit's stage checks and the multi-stage pitfalls (docs/lint.md). Exit 0 when no finding is an error, 1 when one is, 2 on input errors.")
        {
            format, rules, skip,
        };
        inputs.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var host = new ConsoleHost(parse.InvocationConfiguration.Error);
            string chosen;
            try
            {
                chosen = OutputFormat.Choose(parse.GetValue(format), "text", "json", "sarif");
            }
            catch (StageGateException e)
            {
                // Checked before the run, whose output the format decides; said as any input error is.
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Diagnostic.ToString());
                return ExitCodes.InputOrEnvironmentError;
            }
            var run = await HostedGate.LintAsync(
                inputs.Values(parse, Environment.CurrentDirectory), parse.GetValue(rules) ?? [], parse.GetValue(skip) ?? [], host, cancellationToken);
            if (run.Result is { } result)
            {
                var text = chosen switch
                {
                    "json" => Json(result),
                    "sarif" => SarifLog.Render(result, SarifLog.RepositoryRoot(Path.GetDirectoryName(result.Document.Path)!)),
                    _ => Text(result, run.Summary),
                };
                await parse.InvocationConfiguration.Output.WriteAsync(text.AsMemory(), cancellationToken);
                if (chosen != "text")
                {
                    // Machine formats keep stdout clean; input errors still reach a person on stderr.
                    foreach (var problem in result.Problems)
                    {
                        await parse.InvocationConfiguration.Error.WriteLineAsync(DiagnosticText.WithDetails(problem));
                    }
                }
            }
            return await host.FinishAsync(run);
        });
        return command;
    }

    internal static string Text(LintRun run, string summary)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in run.Diagnostics)
        {
            text.AppendLine(diagnostic.ToString());
        }
        text.AppendLine(summary);
        return text.ToString();
    }

    /// <summary><c>{"dockerfile", "findings": [{"rule", "name", "level", "message", "file", "line", "endLine"}], "problems"}</c>.</summary>
    internal static string Json(LintRun run)
    {
        var findings = new JsonArray();
        foreach (var result in run.Results)
        {
            // As a JsonNode: the generic Add<T> serializes by reflection, which the Native AOT build cannot.
            findings.Add((JsonNode)new JsonObject
            {
                ["rule"] = result.Rule.Id,
                ["name"] = result.Rule.Name,
                ["level"] = result.Level.ToString().ToLowerInvariant(),
                ["message"] = result.Finding.Message,
                ["file"] = result.File,
                ["line"] = result.Finding.StartLine,
                ["endLine"] = result.Finding.EndLine,
            });
        }
        var problems = new JsonArray(run.Problems.Select(p => (JsonNode?)new JsonObject
        {
            ["code"] = p.Code,
            ["message"] = p.Message,
            ["line"] = p.Line,
        }).ToArray());
        var root = new JsonObject
        {
            ["dockerfile"] = run.Document.Path,
            ["findings"] = findings,
            ["problems"] = problems,
            ["count"] = run.Results.Count,
        };
        return root.ToJsonString(Indented) + Environment.NewLine;
    }
}
