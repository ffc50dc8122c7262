namespace StageGate.Lint;

/// <summary>A rule's finding: what it says and the 1-based lines it covers (an instruction with its continuations).</summary>
internal sealed record LintFinding(LintRule Rule, string Message, int StartLine, int EndLine)
{
    /// <summary>The file it points at when that is not the Dockerfile (the .dockerignore).</summary>
    public string? File { get; init; }

    /// <summary>The 1-based column the finding starts at: the value a rule points into, or the start of the line.</summary>
    public int Column { get; init; } = 1;
}
