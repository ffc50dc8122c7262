namespace StageGate.Lint.Rules;

/// <summary>BuildKit's StageNameCasing: <c>FROM … AS Builder</c>.</summary>
internal sealed class StageNameCasing : LintRule
{
    public override string Name => "StageNameCasing";

    public override string Title => "Stage names should be lowercase";

    public override string Help => "BuildKit lower-cases stage names, so `COPY --from=Builder` and `--from=builder` name the same stage while a FROM must match exactly. Write stage names in lower case.";

    public override IEnumerable<LintFinding> Check(LintDocument document) =>
        document.Stages
            .Where(s => s.WrittenName is { } name && !string.Equals(name, s.Name, StringComparison.Ordinal))
            .Select(s => Finding($"Stage name '{s.WrittenName}' should be lowercase", s.From));
}
