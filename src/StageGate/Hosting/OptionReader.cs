using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Hosting;

/// <summary>
/// Turns one option's raw values into its value, by the option's shape: the one place that decides what blank
/// means, how lists split, how paths resolve and how pairs and secrets are written.
/// </summary>
internal static class OptionReader
{
    /// <summary>The option's value, or null when the inputs leave it unset.</summary>
    /// <exception cref="StageGateException">A value the option cannot take, named as the user wrote it.</exception>
    public static object? Read(GateOption option, IReadOnlyList<OptionInput> inputs, OptionReading reading)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(reading);
        return option.Shape switch
        {
            OptionShape.Text => Validated(option, LastText(inputs), reading),
            OptionShape.Choice => Choice(option, LastText(inputs), reading),
            OptionShape.Path => LastText(inputs) is { } path ? FullPath(reading.BaseFolder, path) : null,
            OptionShape.Program => LastText(inputs) is { } program ? Program(reading.BaseFolder, program) : null,
            OptionShape.List => NonEmpty(Texts(inputs, reading.SplitsOnSemicolons ? [';'] : [])),
            OptionShape.CommaList => NonEmpty(Texts(inputs, reading.SplitsOnSemicolons ? [';', ','] : [','])),
            OptionShape.Pairs => Pairs(option, inputs, reading),
            OptionShape.Secrets => Secrets(option, inputs, reading),
            OptionShape.Flag => Flag(option, LastText(inputs), reading),
            _ => throw new ArgumentOutOfRangeException(nameof(option), option.Shape, "Unknown option shape."),
        };
    }

    /// <summary>An absolute path; relative ones start at <paramref name="baseFolder"/>.</summary>
    public static string FullPath(string baseFolder, string path) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(baseFolder, path.Trim()));

    // A later value wins, as a later flag or property assignment does.
    private static string? LastText(IReadOnlyList<OptionInput> inputs) =>
        inputs.Select(i => i.Text?.Trim()).LastOrDefault(t => !string.IsNullOrEmpty(t));

    private static List<string> Texts(IReadOnlyList<OptionInput> inputs, char[] separators) =>
        inputs.SelectMany(i => separators.Length == 0 ? [i.Text ?? ""] : (i.Text ?? "").Split(separators))
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string>? NonEmpty(List<string> values) => values.Count == 0 ? null : values;

    // A bare name ("docker", "podman") is looked up on PATH, as a shell would; anything with a folder is a path.
    private static string Program(string baseFolder, string program) =>
        program.IndexOfAny(['/', '\\']) < 0 ? program : FullPath(baseFolder, program);

    private static string? Validated(GateOption option, string? text, OptionReading reading)
    {
        if (text is null || option.Validate is null)
        {
            return text;
        }
        try
        {
            option.Validate(text);
            return text;
        }
        catch (StageGateException e)
        {
            // The value's own code (SG1012 for a size), said about the option as the user named it.
            throw new StageGateException(e.Diagnostic with { Message = $"{reading.NameOf(option)}: {e.Diagnostic.Message}", File = e.Diagnostic.File ?? reading.File }, e);
        }
    }

    private static string? Choice(GateOption option, string? text, OptionReading reading)
    {
        if (text is null)
        {
            return null;
        }
        var choice = option.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        return choice ?? throw Invalid(reading, $"{reading.NameOf(option)} '{text}' is not one of: {string.Join(", ", option.Choices)}.");
    }

    private static bool? Flag(GateOption option, string? text, OptionReading reading) => text?.ToLowerInvariant() switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw Invalid(reading, $"{reading.NameOf(option)} must be true or false, not '{text}'."),
    };

    private static IReadOnlyDictionary<string, string>? Pairs(GateOption option, IReadOnlyList<OptionInput> inputs, OptionReading reading)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = reading.NameOf(option);
        foreach (var input in inputs)
        {
            if (input.Metadata is { } metadata)
            {
                var key = input.Text?.Trim();
                if (string.IsNullOrEmpty(key))
                {
                    throw Invalid(reading, $"A {name} entry has an empty name; write the name there.");
                }
                pairs[key] = metadata.TryGetValue("Value", out var itemValue) ? itemValue : "";
                continue;
            }
            if (string.IsNullOrWhiteSpace(input.Text))
            {
                continue;
            }
            var text = input.Text;
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var pairKey = (equals < 0 ? text : text[..equals]).Trim();
            if (pairKey.Length == 0)
            {
                throw Invalid(reading, $"{name} '{text}' has no name; write it as {name} NAME=VALUE.");
            }
            var value = equals >= 0 ? text[(equals + 1)..]
                : reading.BareNameReadsVariable ? reading.Environment(pairKey)
                : null;
            pairs[pairKey] = value ?? throw Invalid(reading, reading.BareNameReadsVariable
                ? $"{name} '{pairKey}' has no value and no environment variable '{pairKey}' is set; write it as {name} {pairKey}=VALUE."
                : $"{name} '{pairKey}' has no value; write it as {pairKey}=VALUE.");
        }
        return pairs.Count == 0 ? null : pairs;
    }

    private static IReadOnlyList<BuildSecret>? Secrets(GateOption option, IReadOnlyList<OptionInput> inputs, OptionReading reading)
    {
        var secrets = new List<BuildSecret>();
        foreach (var input in inputs)
        {
            BuildSecret secret;
            if (input.Metadata is not null)
            {
                var id = input.Text?.Trim();
                if (string.IsNullOrEmpty(id))
                {
                    throw Invalid(reading, $"A {reading.NameOf(option)} entry has an empty id; write the secret's id there.");
                }
                if (input["Env"] is not null && input["File"] is not null)
                {
                    throw Invalid(reading, $"Build secret '{id}' has both Env and File; give one (neither reads the environment variable '{id}').");
                }
                secret = new BuildSecret(id, input["Env"]?.Trim(), input["File"]?.Trim());
            }
            else if (string.IsNullOrWhiteSpace(input.Text))
            {
                continue;
            }
            else
            {
                secret = BuildSecret.Parse(input.Text);
            }
            secrets.Add(secret.File is null ? secret : secret with { File = FullPath(reading.BaseFolder, secret.File) });
        }
        return secrets.Count == 0 ? null : secrets;
    }

    private static StageGateException Invalid(OptionReading reading, string message) =>
        Codes.InvalidOption.Exception(message, reading.File);
}
