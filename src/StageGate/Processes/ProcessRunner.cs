using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace StageGate.Processes;

/// <summary>
/// Runs a <see cref="ProcessCommand"/>: starts the program without a shell, streams its output lines to
/// the targets as they come, and returns its exit code. A non-zero exit code is returned, not thrown:
/// the caller knows what a failure of its command means to the user.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>Longest line passed on; the rest of a longer line is dropped and counted in a marker.</summary>
    internal const int MaxLineLength = 64 * 1024;

    // Output normally ends with the program; a grandchild that inherited its pipes can keep them open.
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(2);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Runs <paramref name="command"/> to its end. When <paramref name="cancellationToken"/> fires, the
    /// program is interrupted (SIGINT) and, if it has not exited after
    /// <see cref="ProcessCommand.InterruptTimeout"/>, its whole process tree is killed; then
    /// <see cref="OperationCanceledException"/> is thrown, never before the program has exited.
    /// </summary>
    /// <exception cref="ProcessNotStartedException">The program was not found or is not executable.</exception>
    /// <exception cref="DirectoryNotFoundException">The working directory does not exist.</exception>
    public static async Task<ProcessResult> RunAsync(
        ProcessCommand command,
        OutputTarget? standardOutput = null,
        OutputTarget? standardError = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var kill = new CancellationTokenSource();
        using var escalate = cancellationToken.Register(() => kill.CancelAfter(command.InterruptTimeout));
        return await RunCoreAsync(command, standardOutput, standardError, kill.Token, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="command"/> with the two kinds of cancellation kept apart:
    /// <paramref name="forcefulCancellationToken"/> kills the process tree at once,
    /// <paramref name="gracefulCancellationToken"/> only interrupts (SIGINT; a kill on Windows) and lets
    /// the program decide when to exit. Either way <see cref="OperationCanceledException"/> is thrown
    /// once the program has exited.
    /// </summary>
    /// <exception cref="ProcessNotStartedException">The program was not found or is not executable.</exception>
    /// <exception cref="DirectoryNotFoundException">The working directory does not exist.</exception>
    public static Task<ProcessResult> RunAsync(
        ProcessCommand command,
        OutputTarget? standardOutput,
        OutputTarget? standardError,
        CancellationToken forcefulCancellationToken,
        CancellationToken gracefulCancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RunCoreAsync(command, standardOutput, standardError, forcefulCancellationToken, gracefulCancellationToken);
    }

    private static async Task<ProcessResult> RunCoreAsync(
        ProcessCommand command,
        OutputTarget? standardOutput,
        OutputTarget? standardError,
        CancellationToken forceful,
        CancellationToken graceful)
    {
        forceful.ThrowIfCancellationRequested();
        graceful.ThrowIfCancellationRequested();

        var redactor = new Redactor(command.Secrets);
        var commandLine = CommandLine.Format(command.FileName, command.Arguments, redactor);
        if (command.WorkingDirectory is { } directory && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Cannot run {commandLine}: its working directory {directory} does not exist.");
        }

        using var process = new Process { StartInfo = CreateStartInfo(command) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ProcessNotStartedException(command.FileName, e);
        }
        var stopwatch = Stopwatch.StartNew();

        // The program sees its given input and then its end, so it can never hang waiting for a prompt's answer.
        try
        {
            if (command.StandardInput is { } input)
            {
                await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // A program that exits without reading its input closed the pipe; its exit code says what happened.
        }

        var running = new RunningProcess(process);
        var outputTail = new OutputTail(command.TailLines);
        var errorTail = new OutputTail(command.TailLines);
        var targetGate = new object();
        using var stopReading = new CancellationTokenSource();
        var reading = Task.WhenAll(
            PumpAsync(process.StandardOutput, standardOutput ?? OutputTarget.Null, outputTail),
            PumpAsync(process.StandardError, standardError ?? OutputTarget.Null, errorTail));

        using (forceful.Register(running.Kill))
        using (graceful.Register(running.Interrupt))
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        var duration = stopwatch.Elapsed;

        try
        {
            await reading.WaitAsync(OutputDrainTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }

        var exitCode = process.ExitCode;
        if (graceful.IsCancellationRequested || forceful.IsCancellationRequested)
        {
            var how = running.WasKilled
                ? "its process tree was killed"
                : $"it was interrupted and exited with code {exitCode}";
            throw new OperationCanceledException(
                $"Cancelled {commandLine}: {how}.",
                graceful.IsCancellationRequested ? graceful : forceful);
        }

        return new ProcessResult(exitCode, duration, outputTail.ToList(), errorTail.ToList());

        async Task PumpAsync(StreamReader reader, OutputTarget target, OutputTail tail)
        {
            var splitter = new LineSplitter(MaxLineLength + redactor.LongestSecret, (kept, length) =>
            {
                var line = redactor.Redact(kept, MaxLineLength, out var consumed);
                if (length > consumed)
                {
                    line += $" [... {length - consumed} more characters]";
                }
                lock (targetGate)
                {
                    tail.Add(line);
                    target.WriteLine(line);
                }
            });
            try
            {
                var buffer = new char[4096];
                int read;
                while ((read = await reader.ReadAsync(buffer.AsMemory(), stopReading.Token).ConfigureAwait(false)) > 0)
                {
                    lock (targetGate)
                    {
                        target.WriteChunk(buffer.AsSpan(0, read));
                    }
                    splitter.Write(buffer.AsSpan(0, read));
                }
                splitter.Complete();
            }
            catch (OperationCanceledException) when (stopReading.IsCancellationRequested)
            {
                splitter.Complete();
            }
            catch
            {
                // A target that throws stops reading; killing the program keeps it from blocking on a full pipe.
                running.Kill();
                throw;
            }
        }
    }

    private static ProcessStartInfo CreateStartInfo(ProcessCommand command)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            // docker, buildx and most CLIs write UTF-8 whatever the console's code page.
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = command.WorkingDirectory ?? "",
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        return info;
    }
}
