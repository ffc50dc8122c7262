namespace StageGate.Gates;

internal enum TargetRole
{
    Test,
    Final,

    /// <summary>The stage the final image copies from, built only to measure what the split saved.</summary>
    Builder,
}
