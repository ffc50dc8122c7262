using StageGate.Dockerfiles;

namespace StageGate.Lint.Rules;

/// <summary>BuildKit's UndefinedArgInFrom: a FROM that uses a variable no global ARG declares.</summary>
internal sealed class UndefinedArgInFrom : LintRule
{
    public override string Name => "UndefinedArgInFrom";

    public override string Title => "FROM command must use declared ARGs";

    public override string Help => "A FROM sees only the ARGs declared before the first FROM (and the automatic platform arguments such as BUILDPLATFORM). Declare the ARG there, with a default.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        var known = document.GlobalArgNames.Concat(LintDocument.PlatformArgs).Distinct(StringComparer.Ordinal).ToList();
        foreach (var stage in document.Stages)
        {
            var words = stage.Platform is { } platform ? new[] { platform, stage.WrittenBase } : [stage.WrittenBase];
            foreach (var variable in words.SelectMany(w => VariableReferences.In(w, document.Escape)).Distinct(StringComparer.Ordinal))
            {
                if (known.Contains(variable, StringComparer.Ordinal))
                {
                    continue;
                }
                var suggestion = Suggestions.Nearest(variable, known);
                yield return Finding(
                    $"FROM argument '{variable}' is not declared" + (suggestion is null ? "" : $" (did you mean {suggestion}?)"),
                    stage.From);
            }
        }
    }
}
