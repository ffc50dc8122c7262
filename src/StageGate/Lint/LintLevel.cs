namespace StageGate.Lint;

/// <summary>What a lint rule's findings are reported as; <see cref="Off"/> runs no check at all.</summary>
internal enum LintLevel
{
    Off,
    Info,
    Warning,
    Error,
}
