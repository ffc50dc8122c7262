using StageGate.Diagnostics;

namespace StageGate.Lint.Rules;

/// <summary>SG5010: a base image with no tag or with <c>latest</c>, in any stage.</summary>
internal sealed class UnpinnedBaseImage() : PitfallRule(Codes.UnpinnedBaseImage, "UnpinnedBaseImage")
{
    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var stage in document.Stages.Where(s => s.IsImageBased))
        {
            // An ARG without a default is InvalidDefaultArgInFrom's finding; an ARG naming a stage is not an image.
            if (stage.ExpandedBase is not { Length: > 0 } written || ImageReference.Parse(written) is not { } image || image.Digest is not null)
            {
                continue;
            }
            if (image.Tag is not null && !string.Equals(image.Tag, "latest", StringComparison.Ordinal))
            {
                continue;
            }
            var how = image.Tag is null ? "has no tag" : "uses the 'latest' tag";
            var digest = document.IsFinal(stage) ? ", and for the stage that ships a digest (image:tag@sha256:…)" : "";
            yield return Finding(
                $"Base image '{written}' of stage '{stage.DisplayName}' {how}, so the build changes whenever the image is pushed again. Fix: name a version tag{digest}.",
                stage.From);
        }
    }
}
