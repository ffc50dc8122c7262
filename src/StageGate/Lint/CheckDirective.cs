namespace StageGate.Lint;

/// <summary>
/// The <c># check=</c> parser directive, read as BuildKit reads it: <c>skip=Rule1,Rule2</c> (or <c>skip=all</c>)
/// turns checks off, <c>error=true</c> makes their findings fail the build, <c>experimental=Rule</c> (or
/// <c>all</c>) turns on a check BuildKit ships off. Fields are separated by <c>;</c>.
/// </summary>
internal sealed record CheckDirective(IReadOnlySet<string> Skip, bool SkipAll, bool Error, IReadOnlySet<string> Experimental, bool ExperimentalAll)
{
    public static CheckDirective None { get; } = new(new HashSet<string>(), false, false, new HashSet<string>(), false);

    public static CheckDirective Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }
        var skip = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var experimental = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var error = false;
        foreach (var field in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }
            var key = field[..equals].Trim().ToLowerInvariant();
            var names = field[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            switch (key)
            {
                case "skip":
                    skip.UnionWith(names);
                    break;
                case "experimental":
                    experimental.UnionWith(names);
                    break;
                case "error":
                    error = bool.TryParse(field[(equals + 1)..].Trim(), out var raise) && raise;
                    break;
            }
        }
        return new CheckDirective(skip, skip.Contains("all"), error, experimental, experimental.Contains("all"));
    }

    public bool Skips(LintRule rule) => SkipAll || SkipContains(rule);

    public bool EnablesExperimental(LintRule rule) => ExperimentalAll || Experimental.Contains(rule.Id) || Experimental.Contains(rule.Name);

    private bool SkipContains(LintRule rule) => Skip.Contains(rule.Id) || Skip.Contains(rule.Name);
}
