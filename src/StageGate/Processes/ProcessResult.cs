namespace StageGate.Processes;

/// <summary>How a program ended: its exit code, how long it ran, and the last lines of each stream (secrets as <c>***</c>).</summary>
internal sealed record ProcessResult(
    int ExitCode,
    TimeSpan Duration,
    IReadOnlyList<string> StandardOutputTail,
    IReadOnlyList<string> StandardErrorTail)
{
    /// <summary>True when the program exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
