using StageGate.Diagnostics;

namespace StageGate.Buildx;

/// <summary>
/// Builds a buildx argument vector flag by flag. A flag and its value are separate elements; a value is never
/// quoted or escaped for a shell because none is involved.
/// </summary>
internal sealed class BuildxArgumentList
{
    private readonly List<string> _arguments;

    public BuildxArgumentList(params string[] command) => _arguments = [.. command];

    public void Flag(string flag, bool on)
    {
        if (on)
        {
            _arguments.Add(flag);
        }
    }

    public void Value(string flag, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length == 0)
        {
            throw Codes.InvalidOption.Exception($"Invalid option {flag}: the value is empty. Leave the option unset instead.");
        }
        _arguments.Add(flag);
        _arguments.Add(value);
    }

    public void Each(string flag, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            Value(flag, value ?? "");
        }
    }

    public void Joined(string flag, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        if (values.Any(v => string.IsNullOrEmpty(v) || v.Contains(',', StringComparison.Ordinal)))
        {
            throw Codes.InvalidOption.Exception($"Invalid option {flag}: '{string.Join("', '", values)}' — each entry must be non-empty and contain no ','.");
        }
        Value(flag, string.Join(",", values));
    }

    /// <summary>Writes <c>NAME=value</c> pairs in ordinal name order, so the same options give the same command.</summary>
    public void Pairs(string flag, IReadOnlyDictionary<string, string> pairs)
    {
        foreach (var (name, value) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Value(flag, Pair(flag, name, value));
        }
    }

    public void Positional(string what, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Codes.InvalidOption.Exception($"Invalid option: the {what} is empty.");
        }
        _arguments.Add(value);
    }

    public IReadOnlyList<string> ToList() => _arguments.ToList();

    /// <summary>A <c>NAME=value</c> pair; the value may hold anything, the name no <c>=</c>.</summary>
    public static string Pair(string flag, string name, string? value)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('=', StringComparison.Ordinal))
        {
            throw Codes.InvalidOption.Exception($"Invalid option {flag}: the name '{name}' must be non-empty and contain no '='.");
        }
        return $"{name}={value}";
    }

    public static string? ProgressName(ProgressMode? mode) => mode switch
    {
        null => null,
        ProgressMode.Auto => "auto",
        ProgressMode.Plain => "plain",
        ProgressMode.Tty => "tty",
        ProgressMode.Quiet => "quiet",
        ProgressMode.RawJson => "rawjson",
        _ => throw Codes.InvalidOption.Exception($"Invalid option --progress: unknown mode {mode}."),
    };

    /// <summary>
    /// <c>id=x,env=Y</c> or <c>id=x,src=path</c>. buildx reads the spec as one CSV record, so a field holding a
    /// comma or a quote is CSV-quoted.
    /// </summary>
    public static string SecretSpec(BuildxSecret secret)
    {
        if (string.IsNullOrEmpty(secret.Id))
        {
            throw Codes.InvalidOption.Exception("Invalid option --secret: the secret id is empty.");
        }
        var source = secret.EnvironmentVariable is { } env ? "env=" + env : "src=" + secret.File;
        return CsvField("id=" + secret.Id) + "," + CsvField(source);
    }

    /// <summary><c>default</c>, <c>id=path</c> or <c>id=key1,key2</c>; buildx splits on <c>,</c> without quoting.</summary>
    public static string SshSpec(SshForward ssh)
    {
        if (string.IsNullOrEmpty(ssh.Id) || ssh.Id.Contains('=', StringComparison.Ordinal) || ssh.Id.Contains(',', StringComparison.Ordinal))
        {
            throw Codes.InvalidOption.Exception($"Invalid option --ssh: the id '{ssh.Id}' must be non-empty and contain no '=' or ','.");
        }
        if (ssh.Paths.Any(p => string.IsNullOrEmpty(p) || p.Contains(',', StringComparison.Ordinal)))
        {
            throw Codes.InvalidOption.Exception($"Invalid option --ssh {ssh.Id}: a socket or key path must be non-empty and contain no ',' (buildx splits the list on ',').");
        }
        return ssh.Paths.Count == 0 ? ssh.Id : ssh.Id + "=" + string.Join(",", ssh.Paths);
    }

    private static string CsvField(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
