namespace StageGate.Buildx;

/// <summary>One line a build step printed.</summary>
internal sealed record BuildLogLine(BuildLogStream Stream, string Text)
{
    public override string ToString() => Text;
}
