using StageGate.Diagnostics;
using StageGate.Dockerfiles;

namespace StageGate.Lint;

/// <summary>
/// Which rules run and at what level. Configured levels (the lint option, stagegate.json's <c>lint</c>) win;
/// then the Dockerfile's <c># check=</c> directive; then the rule's default. The gates (check, MSBuild, Cake)
/// report unconfigured rules as info, so a StageGate upgrade never fails a <c>-warnaserror</c> build.
/// </summary>
internal sealed record LintSettings
{
    /// <summary>Levels set by the user, by rule id.</summary>
    public IReadOnlyDictionary<string, LintLevel> Configured { get; init; } = new Dictionary<string, LintLevel>();

    /// <summary>When not empty, only these rules run (<c>stagegate lint --rule</c>).</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Whether unconfigured rules report as info rather than at their default level.</summary>
    public bool UnconfiguredAsInfo { get; init; }

    /// <summary>The level a gate run reports <paramref name="rule"/> at in <paramref name="document"/>.</summary>
    public LintLevel LevelOf(LintRule rule, LintDocument document)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(document);
        if (Only.Count > 0 && !Only.Contains(rule.Id))
        {
            return LintLevel.Off;
        }
        if (Configured.TryGetValue(rule.Id, out var configured))
        {
            return configured;
        }
        // A check BuildKit ships off answers only to experimental=, which wins over skip= (skip=all;experimental=Rule runs Rule).
        var experimentalOn = rule.DefaultLevel == LintLevel.Off && rule.IsBuildKitCheck && document.Check.EnablesExperimental(rule);
        if (document.Check.Skips(rule) && !experimentalOn)
        {
            return LintLevel.Off;
        }
        var level = rule.DefaultLevel;
        if (level == LintLevel.Off && (Only.Contains(rule.Id) || experimentalOn))
        {
            // A rule that ships off runs when asked for by name, as BuildKit's experimental checks do.
            level = LintLevel.Warning;
        }
        if (level == LintLevel.Off)
        {
            return level;
        }
        // check=error=true makes BuildKit fail the build on its checks; StageGate says so before docker runs.
        if (rule.IsBuildKitCheck && document.Check.Error)
        {
            return LintLevel.Error;
        }
        return UnconfiguredAsInfo && !rule.KeepsLevelInGates ? LintLevel.Info : level;
    }

    /// <summary>
    /// Settings from <c>RULE=LEVEL</c> pairs (a rule's id or name, and off, info, warning or error).
    /// </summary>
    /// <param name="pairs">Rule to level, as the option or stagegate.json gives them.</param>
    /// <param name="optionName">How the user's front end names the option, for the error message.</param>
    /// <param name="unconfiguredAsInfo">True for the gates: rules nobody configured report as info.</param>
    /// <exception cref="StageGateException">SG1016 for an unknown rule or level.</exception>
    public static LintSettings FromPairs(IReadOnlyDictionary<string, string> pairs, string optionName, bool unconfiguredAsInfo)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var configured = new Dictionary<string, LintLevel>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            configured[Rule(name, optionName).Id] = ParseLevel(value, name, optionName);
        }
        return new LintSettings { Configured = configured, UnconfiguredAsInfo = unconfiguredAsInfo };
    }

    /// <summary>The rule a user names by id (<c>SG5010</c>, <c>StageNameCasing</c>) or name, any case.</summary>
    /// <exception cref="StageGateException">SG1016 when no rule has that name, with the nearest suggested.</exception>
    public static LintRule Rule(string name, string optionName)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim();
        return LintCatalogue.Find(key) ?? throw Codes.InvalidOption.Exception(
            $"{optionName}: '{key}' is not a lint rule."
            + Suggestions.DidYouMean(key, LintCatalogue.All.SelectMany(r => new[] { r.Id, r.Name }).Distinct().ToList(), " Did you mean '{0}'?")
            + " `stagegate lint --help` and docs/lint.md list the rules.");
    }

    private static LintLevel ParseLevel(string value, string rule, string optionName) => value.Trim().ToLowerInvariant() switch
    {
        "off" or "none" => LintLevel.Off,
        "info" => LintLevel.Info,
        "warning" => LintLevel.Warning,
        "error" => LintLevel.Error,
        _ => throw Codes.InvalidOption.Exception(
            $"{optionName}: '{value}' is not a level for rule {rule}; use off, info, warning or error."),
    };
}
