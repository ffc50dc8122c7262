namespace StageGate.Lint;

/// <summary>Runs the catalogue's rules on a Dockerfile, each at the level its settings give it.</summary>
internal static class Linter
{
    /// <summary>The findings of every rule that is not off, ordered by file, line and rule.</summary>
    public static IReadOnlyList<LintResult> Run(LintDocument document, LintSettings settings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        var results = new List<LintResult>();
        foreach (var rule in LintCatalogue.All)
        {
            var level = settings.LevelOf(rule, document);
            if (level == LintLevel.Off)
            {
                continue;
            }
            results.AddRange(rule.Check(document).Select(f => new LintResult(f, level, document.Path)));
        }
        return results
            .OrderBy(r => r.Finding.File is null ? 0 : 1)
            .ThenBy(r => r.Finding.StartLine)
            .ThenBy(r => r.Rule.Id, StringComparer.Ordinal)
            .ToList();
    }
}
