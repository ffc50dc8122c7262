using System.CommandLine;
using StageGate.Hosting;

namespace StageGate.Tool.Commands;

/// <summary>
/// The command line's options, made from the option table's rows: a new row with a CLI flag is a new option
/// here, with its help, without a line of code.
/// </summary>
internal sealed class TableOptions
{
    private readonly List<(GateOption Row, Option Option)> _options = [];

    public TableOptions(IEnumerable<GateOption> rows)
    {
        foreach (var row in rows.Where(r => r.Cli is not null))
        {
            _options.Add((row, Create(row)));
        }
    }

    /// <summary>Every option the CLI offers, in the table's order.</summary>
    public static TableOptions All() => new(OptionTable.All);

    public void AddTo(Command command)
    {
        foreach (var (_, option) in _options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The raw values given on this command line, for the core to resolve.</summary>
    public OptionValues Values(ParseResult parse, string workingFolder)
    {
        var values = new OptionValues(FrontEnd.Cli, workingFolder);
        foreach (var (row, option) in _options)
        {
            values = option switch
            {
                // A flag given as `--sequential false` is set to false, so it can override stagegate.json; one not given is unset.
                Option<bool> flag => parse.GetResult(flag) is { Implicit: false } ? values.Add(row, parse.GetValue(flag) ? "true" : "false") : values,
                Option<string[]> many => values.Add(row, parse.GetValue(many)),
                Option<string?> one => values.Add(row, parse.GetValue(one)),
                _ => throw new InvalidOperationException($"Option {option.Name} has no mapping."),
            };
        }
        return values;
    }

    private static Option Create(GateOption row)
    {
        string[] aliases = row.CliAlias is null ? [] : [row.CliAlias];
        var help = row.DefaultText is null || row.Shape == OptionShape.Flag ? row.Help : $"{row.Help} Default: {row.DefaultText}.";
        switch (row.Shape)
        {
            case OptionShape.Flag:
                return new Option<bool>(row.Cli!, aliases) { Description = help };
            case OptionShape.List or OptionShape.CommaList or OptionShape.Pairs or OptionShape.Secrets:
                return new Option<string[]>(row.Cli!, aliases) { Description = help + " Repeatable.", AllowMultipleArgumentsPerToken = false };
            default:
                var option = new Option<string?>(row.Cli!, aliases) { Description = help };
                if (row.Choices.Count > 0)
                {
                    option.AcceptOnlyFromAmong([.. row.Choices]);
                }
                return option;
        }
    }
}
