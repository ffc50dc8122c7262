using System.Text;

namespace StageGate.Hosting;

/// <summary>
/// Renders docs/options.md from <see cref="OptionTable"/>, so an option's name in each front end, its default and
/// its help are written once, in the table, and the reference cannot drift from what StageGate accepts.
/// </summary>
internal static class OptionsDocument
{
    /// <summary>The document's path from the repository root.</summary>
    public const string RelativePath = "docs/options.md";

    private const string Absent = "—";

    /// <summary>The whole document, with '\n' line ends whatever the platform, so it is the same byte for byte everywhere.</summary>
    public static string Render()
    {
        var text = new StringBuilder()
            .Append("<!-- Generated from src/StageGate/Hosting/OptionTable.cs; do not edit. To regenerate, run the unit tests with STAGEGATE_REGENERATE_DOCS=1. -->\n")
            .Append("# StageGate options\n")
            .Append('\n')
            .Append("Every option StageGate takes, with its name in each front end and in `stagegate.json`. Every option is optional.\n")
            .Append('\n')
            .Append("- **Precedence**: a value given to the front end in use (a `stagegate check` flag, an MSBuild property or item,\n")
            .Append("  a Cake setting) wins over `stagegate.json` beside the Dockerfile, which wins over the default. A blank value\n")
            .Append("  counts as unset. A CLI flag or a Cake `bool` setting can only turn an on/off option on; an MSBuild property\n")
            .Append("  set to `false` turns it off over `stagegate.json`.\n")
            .Append("- **Lists**: repeat a CLI flag, add to a Cake collection, or write a JSON array. An MSBuild property that takes\n")
            .Append("  several values splits on `;` as MSBuild lists do: `<StageGateTestTargets>unit;lint</StageGateTestTargets>`.\n")
            .Append("  ").Append(string.Join(", ", OptionTable.All.Where(o => o.Shape == OptionShape.CommaList).Select(o => o.Name)))
            .Append(" also split on `,` in every front end: `linux/amd64,linux/arm64`.\n")
            .Append("- **Paths**: a relative path is relative to the working folder (CLI), the project's folder (MSBuild), Cake's\n")
            .Append("  working directory (Cake), or the folder of the `stagegate.json` that holds it.\n")
            .Append($"- **MSBuild items** carry metadata: `{OptionTable.BuildArgs.MSBuildItem}` and `{OptionTable.Labels.MSBuildItem}` take the name as `Include`\n")
            .Append($"  and `Value`; `{OptionTable.Secrets.MSBuildItem}` takes the id as `Include` and `Env` or `File`; `{OptionTable.Tags.MSBuildItem}` is a tag.\n")
            .Append('\n')
            .Append("| Option | CLI | MSBuild | Cake | stagegate.json | Default | Description |\n")
            .Append("|---|---|---|---|---|---|---|\n");
        foreach (var row in OptionTable.All)
        {
            text.Append("| ").Append(row.Name)
                .Append(" | ").Append(Code(row.Cli, row.CliAlias))
                .Append(" | ").Append(MSBuild(row))
                .Append(" | ").Append(Code(row.Cake))
                .Append(" | ").Append(Code(row.Json))
                .Append(" | ").Append(row.DefaultText is null ? Absent : Escape(row.DefaultText))
                .Append(" | ").Append(Escape(row.Help))
                .Append(" |\n");
        }
        return text.ToString();
    }

    private static string MSBuild(GateOption row)
    {
        var names = new List<string>();
        if (row.MSBuildProperty is not null)
        {
            names.Add($"`{row.MSBuildProperty}`");
        }
        if (row.MSBuildItem is not null)
        {
            names.Add($"`{row.MSBuildItem}` items");
        }
        return names.Count == 0 ? Absent : string.Join(", ", names);
    }

    private static string Code(params string?[] names)
    {
        var present = names.OfType<string>().Select(name => $"`{name}`").ToList();
        return present.Count == 0 ? Absent : string.Join(", ", present);
    }

    // Help and defaults are plain sentences; these characters would end a cell, start emphasis or read as HTML.
    private static string Escape(string text) => new StringBuilder(text)
        .Replace("|", "\\|")
        .Replace("*", "\\*")
        .Replace("<", "\\<")
        .Replace(">", "\\>")
        .ToString();
}
