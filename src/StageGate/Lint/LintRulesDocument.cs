using System.Text;

namespace StageGate.Lint;

/// <summary>Renders docs/lint.md from <see cref="LintCatalogue"/>, so every rule is documented once, by its own code.</summary>
internal static class LintRulesDocument
{
    /// <summary>The document's path from the repository root.</summary>
    public const string RelativePath = "docs/lint.md";

    /// <summary>The whole document, with '\n' line ends whatever the platform.</summary>
    public static string Render()
    {
        var text = new StringBuilder()
            .Append("<!-- Generated from src/StageGate/Lint/LintCatalogue.cs; do not edit. To regenerate, run the unit tests with STAGEGATE_REGENERATE_DOCS=1. -->\n")
            .Append("# StageGate lint rules\n")
            .Append('\n')
            .Append("`stagegate lint` checks a Dockerfile without docker; `check`, MSBuild and Cake run the same rules before the build and\n")
            .Append("report their findings as info unless configured. Set a rule's level (off, info, warning, error) with `--lint RULE=LEVEL`,\n")
            .Append("`StageGateLint` items with `Value` metadata, Cake's `Lint` dictionary, or `lint` in stagegate.json:\n")
            .Append('\n')
            .Append("```json\n{ \"lint\": { \"SG5012\": \"error\", \"JSONArgsRecommended\": \"off\" } }\n```\n")
            .Append('\n')
            .Append("The Dockerfile's `# check=skip=Rule1,Rule2` (or `skip=all`), `error=true` and `experimental=Rule` directives are honoured as\n")
            .Append("BuildKit honours them; a level set in configuration wins over them. `stagegate lint` exits 0 when no finding is an error,\n")
            .Append("1 when one is, and 2 on input errors; `--format sarif` writes SARIF 2.1.0 for GitHub code scanning.\n")
            .Append('\n')
            .Append("| rule | name | level in `stagegate lint` | title |\n")
            .Append("|---|---|---|---|\n");
        foreach (var rule in LintCatalogue.All)
        {
            text.Append("| [").Append(rule.Id).Append("](#").Append(rule.DocsAnchor).Append(") | ").Append(rule.Name).Append(" | ")
                .Append(Level(rule.DefaultLevel)).Append(" | ").Append(rule.Title).Append(" |\n");
        }

        text.Append('\n').Append("## BuildKit's build checks\n")
            .Append('\n')
            .Append("Named, worded and placed (the line of the instruction) as `docker buildx build --check` reports them, from the Dockerfile alone.\n");
        foreach (var rule in LintCatalogue.All.Where(r => r.IsBuildKitCheck))
        {
            AppendRule(text, rule);
        }
        text.Append('\n').Append("## Multi-stage pitfalls\n")
            .Append('\n')
            .Append("StageGate's own rules, with codes in docs/diagnostics.md. Rules about what ships look at the final stage (the final target, or\n")
            .Append("the last stage unless it is a test stage) and the stages it builds on, never at builder or test stages.\n");
        foreach (var rule in LintCatalogue.All.Where(r => !r.IsBuildKitCheck))
        {
            AppendRule(text, rule);
        }
        return text.ToString();
    }

    private static void AppendRule(StringBuilder text, LintRule rule)
    {
        text.Append('\n')
            .Append("### ").Append(rule.Id).Append('\n')
            .Append('\n')
            .Append("**").Append(rule.Title).Append("** (").Append(rule.Name).Append("; `stagegate lint` level: ").Append(Level(rule.DefaultLevel)).Append(")\n")
            .Append('\n')
            .Append(rule.Help).Append('\n');
    }

    private static string Level(LintLevel level) => level.ToString().ToLowerInvariant();
}
