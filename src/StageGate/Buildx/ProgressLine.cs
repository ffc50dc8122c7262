namespace StageGate.Buildx;

/// <summary>One human-readable line for a build log, e.g. <c>[test 1/1] RUN make test — 0.5s</c>.</summary>
internal sealed record ProgressLine(ProgressLineKind Kind, string Text, BuildStep? Step = null)
{
    public override string ToString() => Text;
}
