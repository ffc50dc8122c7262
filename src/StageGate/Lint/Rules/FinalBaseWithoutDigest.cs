using StageGate.Diagnostics;

namespace StageGate.Lint.Rules;

/// <summary>SG5011: the final stage's base pinned by a tag but not a digest; a suggestion, info by default.</summary>
internal sealed class FinalBaseWithoutDigest() : PitfallRule(Codes.FinalBaseWithoutDigest, "FinalBaseWithoutDigest")
{
    public override LintLevel DefaultLevel => LintLevel.Info;

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        if (document.FinalStage is not { } final)
        {
            yield break;
        }
        var root = document.Root(final);
        if (!root.IsImageBased || root.ExpandedBase is not { Length: > 0 } written || ImageReference.Parse(written) is not { } image)
        {
            yield break;
        }
        // An unpinned tag is SG5010's finding, which already suggests the digest.
        if (image.Digest is null && image.Tag is { } tag && !string.Equals(tag, "latest", StringComparison.Ordinal))
        {
            yield return Finding(
                $"The image that ships builds on '{written}', pinned by tag only. Fix (optional): pin its digest, {image.Name}:{tag}@sha256:…, so a re-pushed tag cannot change it.",
                root.From);
        }
    }
}
