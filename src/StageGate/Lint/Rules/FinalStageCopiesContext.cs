using StageGate.Diagnostics;
using StageGate.Dockerfiles;

namespace StageGate.Lint.Rules;

/// <summary>SG5014: <c>COPY . .</c> in the stage that ships (or a stage it builds on).</summary>
internal sealed class FinalStageCopiesContext() : PitfallRule(Codes.FinalStageCopiesContext, "FinalStageCopiesContext")
{
    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        if (document.FinalStage is not { } final)
        {
            yield break;
        }
        foreach (var stage in document.Lineage(final))
        {
            foreach (var copy in stage.Body.Where(CopiesWholeContext))
            {
                var where = stage.Index == final.Index ? $"the final stage '{final.DisplayName}'" : $"stage '{stage.DisplayName}', which the final stage '{final.DisplayName}' builds on,";
                yield return Finding(
                    $"{copy.Keyword} {string.Join(' ', copy.Arguments)} in {where} puts the whole build context in the image that ships. Fix: copy the build output from a builder stage (COPY --from=build /out /app).",
                    copy);
            }
        }
    }

    /// <summary>A COPY or ADD of the whole context: a source of <c>.</c>, <c>./</c> or <c>*</c>, not from another stage.</summary>
    internal static bool CopiesWholeContext(Instruction instruction) =>
        instruction.Keyword is "COPY" or "ADD"
        && instruction.FlagValue("from") is null
        && instruction.Arguments.Take(instruction.Arguments.Count - 1).Any(s => s is "." or "./" or "*" or "./*");
}
