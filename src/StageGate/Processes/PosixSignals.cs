using System.Runtime.InteropServices;

namespace StageGate.Processes;

/// <summary>Sends signals on Linux and macOS, where .NET has no managed way to interrupt another process.</summary>
internal static class PosixSignals
{
    private const int SIGINT = 2;

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal would; false when the signal could not be sent.</summary>
    public static bool TryInterrupt(int processId) => kill(processId, SIGINT) == 0;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the project for one call.
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
