using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StageGate.Hosting;
using StageGate.Dockerfiles;

namespace StageGate.Tool.Commands;

/// <summary><c>stagegate stages</c>: the Dockerfile's stages as StageGate (and BuildKit) see them.</summary>
internal static class StagesCommand
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var inputs = new TableOptions([OptionTable.Dockerfile, OptionTable.BuildArgs]);
        var target = new Option<string?>("--target") { Description = "The stage to build (default: the last stage)." };
        var format = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };

        var command = new Command("stages", "List the Dockerfile's stages, what each builds on and copies from, and which stages the target needs.")
        {
            target, format,
        };
        inputs.AddTo(command);

        ConsoleHost.SetInspection(command, inputs, (parse, options, cancellationToken) =>
        {
            var dockerfile = Dockerfile.Load(options.Dockerfile, options.Get(OptionTable.BuildArgs));
            var targetStage = dockerfile.ResolveTarget(parse.GetValue(target));
            return OutputFormat.IsJson(parse.GetValue(format)) ? Json(dockerfile, targetStage) : Text(dockerfile, targetStage);
        });
        return command;
    }

    internal static string Json(Dockerfile dockerfile, Stage target)
    {
        var stages = new JsonArray();
        foreach (var stage in dockerfile.Stages)
        {
            var references = new JsonArray();
            foreach (var reference in stage.References)
            {
                var node = new JsonObject
                {
                    ["instruction"] = reference.Instruction,
                    ["line"] = reference.Line,
                    ["kind"] = reference.Kind == StageReferenceKind.Stage ? "stage" : "image",
                };
                if (reference.Kind == StageReferenceKind.Stage)
                {
                    node["stage"] = reference.Stage;
                }
                else
                {
                    node["image"] = reference.Image;
                }
                references.Add((JsonNode)node);
            }
            // Nodes as JsonNode: the generic Add<T> serializes by reflection, which the Native AOT build cannot.
            stages.Add((JsonNode)new JsonObject
            {
                ["index"] = stage.Index,
                ["name"] = stage.Name,
                ["line"] = stage.Line,
                ["base"] = stage.Base,
                ["baseKind"] = stage.BaseKind switch
                {
                    StageBaseKind.Stage => "stage",
                    StageBaseKind.Scratch => "scratch",
                    _ => "image",
                },
                ["baseStage"] = stage.BaseStage,
                ["refs"] = references,
            });
        }

        var root = new JsonObject
        {
            ["dockerfile"] = dockerfile.Path,
            ["stages"] = stages,
            ["target"] = target.Index,
            ["targetNeeds"] = new JsonArray(dockerfile.StagesNeededBy(target).Select(s => (JsonNode?)s.Index).ToArray()),
            ["unreachable"] = new JsonArray(dockerfile.StagesNotReachedBy(target).Select(s => (JsonNode?)s.Index).ToArray()),
        };
        return root.ToJsonString(Indented) + Environment.NewLine;
    }

    internal static string Text(Dockerfile dockerfile, Stage target)
    {
        var needed = dockerfile.StagesNeededBy(target).Select(s => s.Index).ToHashSet();
        var rows = new List<string[]> { new[] { "INDEX", "NAME", "BASE", "LINE", "USES", "NEEDED" } };
        foreach (var stage in dockerfile.Stages)
        {
            rows.Add(
            [
                stage.Index.ToString(CultureInfo.InvariantCulture),
                stage.Name ?? "-",
                stage.BaseStage is int baseStage ? $"{dockerfile.Stages[baseStage].DisplayName} (stage {baseStage})" : stage.Base,
                stage.Line.ToString(CultureInfo.InvariantCulture),
                Uses(dockerfile, stage),
                needed.Contains(stage.Index) ? "yes" : "no",
            ]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dockerfile: {dockerfile.Path}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Target: {target.DisplayName} (stage {target.Index}, line {target.Line})");
        text.AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
        text.AppendLine();

        var unreachable = dockerfile.StagesNotReachedBy(target);
        text.AppendLine(unreachable.Count == 0
            ? $"Building {target.DisplayName} builds every stage."
            : $"Not reached by {target.DisplayName}: {string.Join(", ", unreachable.Select(s => $"{s.DisplayName} (stage {s.Index})"))}.");
        return text.ToString();
    }

    /// <summary>What a stage copies or mounts from: stage names and images, each once.</summary>
    private static string Uses(Dockerfile dockerfile, Stage stage)
    {
        var uses = stage.References
            .Select(r => r.Kind == StageReferenceKind.Stage ? dockerfile.Stages[r.Stage!.Value].DisplayName : r.Image!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return uses.Count == 0 ? "-" : string.Join(", ", uses);
    }
}
