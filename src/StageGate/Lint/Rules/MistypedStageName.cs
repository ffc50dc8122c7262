using StageGate.Diagnostics;
using StageGate.Dockerfiles;

namespace StageGate.Lint.Rules;

/// <summary>SG5001: a <c>--from</c> one typo away from a stage name; the rule is <see cref="MistypedStageReferences"/>, reused.</summary>
internal sealed class MistypedStageName() : PitfallRule(Codes.MistypedStageName, "MistypedStageName")
{
    // BuildKit would pull the typo as an image and fail: worth a warning in every front end, as before lint existed.
    public override bool KeepsLevelInGates => true;

    public override IEnumerable<LintFinding> Check(LintDocument document) =>
        document.Model is { } model
            ? MistypedStageReferences.Find(model).Select(d => Finding(d.Message, d.Line ?? 1) with { Column = d.Column ?? 1 })
            : [];
}
