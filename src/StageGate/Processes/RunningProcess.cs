using System.ComponentModel;
using System.Diagnostics;

namespace StageGate.Processes;

/// <summary>Stops a started program: politely with an interrupt, or by killing its whole process tree.</summary>
internal sealed class RunningProcess(Process process)
{
    private int _killed;

    /// <summary>True once the process tree was killed rather than left to exit.</summary>
    public bool WasKilled => Volatile.Read(ref _killed) == 1;

    /// <summary>
    /// Sends SIGINT so the program can clean up. Windows has no way to send Ctrl+C to one console
    /// process from outside it, so there, and whenever the signal cannot be sent, the tree is killed.
    /// </summary>
    public void Interrupt()
    {
        if (OperatingSystem.IsWindows() || !TrySendInterrupt())
        {
            Kill();
        }
    }

    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                Volatile.Write(ref _killed, 1);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or AggregateException)
        {
            // The process exited while we were killing it; the wait for its exit follows anyway.
        }
    }

    private bool TrySendInterrupt()
    {
        try
        {
            // Checked first: once the process has been reaped its id may belong to another process.
            return !process.HasExited && PosixSignals.TryInterrupt(process.Id);
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
