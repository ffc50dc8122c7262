using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StageGate.Lint;

/// <summary>
/// A lint run as SARIF 2.1.0, in the form GitHub code scanning accepts: every rule in <c>tool.driver.rules</c>, and
/// each result with its rule, a message, a location relative to the repository with a full region, and a
/// fingerprint that survives the finding's line moving.
/// </summary>
internal static class SarifLog
{
    /// <summary>Where docs/lint.md is published; each rule's helpUri is an anchor in it.</summary>
    public const string DocsUri = "https://github.com/stagegate/stagegate/blob/main/docs/lint.md";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="run">The lint run.</param>
    /// <param name="repositoryRoot">The folder result paths are made relative to: the repository's root.</param>
    public static string Render(LintRun run, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rules = LintCatalogue.All;
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new JsonArray();
        foreach (var result in run.Results)
        {
            var lines = result.Finding.File is null ? run.Document.Lines : ReadLines(result.Finding.File);
            var start = result.Finding.StartLine;
            var end = Math.Max(start, result.Finding.EndLine);
            var hash = LineHash(result.Rule.Id, start <= lines.Count ? lines[start - 1] : "");
            occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
            // As a JsonNode: the generic Add<T> would serialize by reflection, which the Native AOT build cannot.
            results.Add((JsonNode)new JsonObject
            {
                ["ruleId"] = result.Rule.Id,
                ["ruleIndex"] = IndexOf(rules, result.Rule),
                ["level"] = Level(result.Level),
                ["message"] = new JsonObject { ["text"] = result.Finding.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = RelativeUri(result.File, repositoryRoot) },
                        ["region"] = new JsonObject
                        {
                            ["startLine"] = start,
                            ["startColumn"] = result.Finding.Column,
                            ["endLine"] = end,
                            ["endColumn"] = end <= lines.Count ? lines[end - 1].Length + 1 : 1,
                        },
                    },
                }),
                ["partialFingerprints"] = new JsonObject
                {
                    ["primaryLocationLineHash"] = $"{hash}:{occurrences[hash]}",
                },
            });
        }

        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "StageGate",
                        ["informationUri"] = DocsUri,
                        ["semanticVersion"] = Version(),
                        ["rules"] = new JsonArray(rules.Select(Rule).ToArray<JsonNode?>()),
                    },
                },
                ["results"] = results,
            }),
        };
        return log.ToJsonString(Indented) + Environment.NewLine;
    }

    private static JsonObject Rule(LintRule rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.Name,
        ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Help },
        ["help"] = new JsonObject
        {
            ["text"] = rule.Help,
            ["markdown"] = $"{rule.Help}\n\n[{rule.Id} in StageGate's lint rules]({DocsUri}#{rule.DocsAnchor})",
        },
        ["helpUri"] = $"{DocsUri}#{rule.DocsAnchor}",
        ["defaultConfiguration"] = new JsonObject { ["level"] = rule.DefaultLevel == LintLevel.Off ? "none" : Level(rule.DefaultLevel) },
        ["properties"] = new JsonObject
        {
            ["tags"] = new JsonArray(rule.IsBuildKitCheck ? "buildkit-check" : "multi-stage", "dockerfile"),
        },
    };

    private static int IndexOf(IReadOnlyList<LintRule> rules, LintRule rule)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (ReferenceEquals(rules[i], rule))
            {
                return i;
            }
        }
        return -1;
    }

    private static string Level(LintLevel level) => level switch
    {
        LintLevel.Error => "error",
        LintLevel.Warning => "warning",
        _ => "note",
    };

    /// <summary>The path from the repository root with '/' separators, as code scanning resolves it against the checkout.</summary>
    internal static string RelativeUri(string file, string repositoryRoot)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(repositoryRoot), Path.GetFullPath(file)).Replace('\\', '/');
        return string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>The folder holding .git above <paramref name="start"/>, or <paramref name="start"/> itself when there is none.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return folder.FullName;
            }
        }
        return Path.GetFullPath(start);
    }

    // The rule and the line's text without its indentation and spacing: the finding keeps its fingerprint when lines above it change.
    private static string LineHash(string ruleId, string line)
    {
        var normalized = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ruleId + "\n" + normalized)))[..16].ToLowerInvariant();
    }

    private static IReadOnlyList<string> ReadLines(string file)
    {
        try
        {
            return File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Version() =>
        typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
