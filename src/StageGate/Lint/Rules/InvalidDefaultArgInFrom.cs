namespace StageGate.Lint.Rules;

/// <summary>BuildKit's InvalidDefaultArgInFrom: a FROM that only builds when a build argument is passed.</summary>
internal sealed class InvalidDefaultArgInFrom : LintRule
{
    public override string Name => "InvalidDefaultArgInFrom";

    public override string Title => "Default value for global ARG results in an empty or invalid base image name";

    public override string Help => "Without `--build-arg`, the FROM expands to nothing or to an invalid image name. Give the global ARG a default that makes a valid image, e.g. `ARG TAG=3.20`.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var stage in document.Stages)
        {
            var variables = VariableReferences.In(stage.WrittenBase, document.Escape);
            // An undeclared variable is UndefinedArgInFrom's finding, not this rule's.
            if (variables.Count == 0 || !variables.All(v => document.GlobalArgNames.Contains(v) || LintDocument.PlatformArgs.Contains(v)))
            {
                continue;
            }
            var expanded = stage.ExpandedBase;
            var valid = expanded is { Length: > 0 }
                && (stage.BaseStage is not null || expanded == "scratch" || ImageReference.Parse(expanded) is not null);
            if (!valid)
            {
                yield return Finding($"Default value for ARG {stage.WrittenBase} results in empty or invalid base image name", stage.From);
            }
        }
    }
}
