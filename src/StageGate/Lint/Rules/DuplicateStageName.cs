namespace StageGate.Lint.Rules;

/// <summary>BuildKit's DuplicateStageName: two stages with one name.</summary>
internal sealed class DuplicateStageName : LintRule
{
    public override string Name => "DuplicateStageName";

    public override string Title => "Stage names should be unique";

    public override string Help => "Only one of two stages with the same name can be built or copied from. Rename one; names are compared without case.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in document.Stages)
        {
            if (stage.Name is { } name && !seen.Add(name))
            {
                yield return Finding($"Duplicate stage name \"{name}\", stage names should be unique", stage.From);
            }
        }
    }
}
