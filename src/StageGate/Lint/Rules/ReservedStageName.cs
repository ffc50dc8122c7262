namespace StageGate.Lint.Rules;

/// <summary>BuildKit's ReservedStageName: a stage called <c>scratch</c> or <c>context</c>.</summary>
internal sealed class ReservedStageName : LintRule
{
    private static readonly string[] Reserved = ["context", "scratch"];

    public override string Name => "ReservedStageName";

    public override string Title => "Reserved words should not be used as stage names";

    public override string Help => "`scratch` is the empty image and `context` the build context; a stage with either name cannot be told from them. Rename the stage.";

    public override IEnumerable<LintFinding> Check(LintDocument document) =>
        document.Stages
            .Where(s => s.Name is { } name && Reserved.Contains(name, StringComparer.Ordinal))
            .Select(s => Finding($"Stage name should not use the same name as reserved stage \"{s.Name}\"", s.From));
}
