using StageGate.Diagnostics;

namespace StageGate.Lint.Rules;

/// <summary>SG5012: the stage that ships runs as root. Builder and test stages are never reported.</summary>
internal sealed class FinalStageRunsAsRoot() : PitfallRule(Codes.FinalStageRunsAsRoot, "FinalStageRunsAsRoot")
{
    // Tags of images that already run as a non-root user (distroless's nonroot, .NET's chiseled images).
    private static readonly string[] NonRootImageWords = ["nonroot", "non-root", "chiseled", "rootless"];

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        if (document.FinalStage is not { } final)
        {
            yield break;
        }
        // The last USER wins, whether the final stage sets it or a stage it builds on does.
        var user = document.Lineage(final).Select(s => s.Body.LastOrDefault(i => i.Keyword == "USER")).FirstOrDefault(u => u is not null);
        if (user is not null)
        {
            var name = user.Arguments.FirstOrDefault() ?? "";
            if (IsRoot(name))
            {
                yield return Finding(
                    $"The final stage '{final.DisplayName}' switches to root with USER {name}, so the container runs as root. Fix: end the stage with USER and a non-root user (USER 10001).",
                    user);
            }
            yield break;
        }
        var root = document.Root(final);
        var image = root.ExpandedBase ?? root.WrittenBase;
        if (root.IsImageBased && NonRootImageWords.Any(w => image.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            yield break;
        }
        yield return Finding(
            $"The final stage '{final.DisplayName}' sets no USER, so the container runs as root. Fix: add USER with a non-root user (USER 10001) after the steps that need root.",
            final.From);
    }

    private static bool IsRoot(string user)
    {
        var name = user.Split(':')[0];
        return name is "root" or "0";
    }
}
