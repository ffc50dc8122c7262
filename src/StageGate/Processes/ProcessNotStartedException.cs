namespace StageGate.Processes;

/// <summary>
/// A program could not be started: it is not on PATH, the path does not exist, or the file is not
/// executable. Hosts map it to their own diagnostic (SG2001 when the program is docker).
/// </summary>
internal sealed class ProcessNotStartedException : Exception
{
    /// <summary>Why a program does not start, without a remedy, so a host can add the one that fits the program.</summary>
    internal const string Reason = "it was not found on PATH, or the file is not executable";

    public ProcessNotStartedException(string fileName, Exception? innerException = null)
        : base($"Could not start '{fileName}': {Reason}. Install it, put it on PATH, or give its full path.", innerException) =>
        FileName = fileName;

    /// <summary>The program that could not be started, as the command names it.</summary>
    public string FileName { get; }
}
