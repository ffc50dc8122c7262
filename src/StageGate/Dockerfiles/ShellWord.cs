namespace StageGate.Dockerfiles;

/// <summary>What <see cref="ShellLex"/> made of a word: the expanded text, and the same text split into words.</summary>
internal sealed record ShellWord(string Result, IReadOnlyList<string> Words, string? Error)
{
    public bool Failed => Error is not null;
}
