using System.Diagnostics;
using System.Text;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// Runs a program the remote fixtures need (ip, htpasswd, docker) without a shell: arguments as a list, an
/// optional environment on top of this process's, optional bytes on stdin. A failure throws with the
/// command line and what the program wrote, so a broken fixture says why.
/// </summary>
internal static class FixtureCommand
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Runs the program to its end and returns its standard output; a non-zero exit throws.</summary>
    public static async Task<string> RunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? input = null,
        CancellationToken cancellationToken = default)
    {
        var (exit, stdout, stderr) = await TryRunAsync(program, arguments, environment, input, cancellationToken);
        return exit == 0
            ? stdout
            : throw new InvalidOperationException(
                $"{Describe(program, arguments)} exited with code {exit}: {stderr.Trim()} {stdout.Trim()}".TrimEnd());
    }

    /// <summary>Runs the program to its end and returns its exit code and both streams.</summary>
    public static async Task<(int Exit, string Output, string Error)> TryRunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? input = null,
        CancellationToken cancellationToken = default)
    {
        using var process = Start(Prepare(program, arguments, environment, redirectInput: input is not null));
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        await WaitAsync(process, Describe(program, arguments), cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Streams one program's standard output into another's standard input, as <c>a | b</c> would without a
    /// shell (e.g. <c>docker save</c> from one engine into <c>docker load</c> on another).
    /// </summary>
    public static async Task PipeAsync(
        (string Program, IEnumerable<string> Arguments, IReadOnlyDictionary<string, string?>? Environment) from,
        (string Program, IEnumerable<string> Arguments, IReadOnlyDictionary<string, string?>? Environment) to,
        CancellationToken cancellationToken = default)
    {
        var source = Prepare(from.Program, from.Arguments, from.Environment, redirectInput: false);
        var sink = Prepare(to.Program, to.Arguments, to.Environment, redirectInput: true);
        using var producer = Start(source);
        using var consumer = Start(sink);
        var producerErrors = producer.StandardError.ReadToEndAsync(cancellationToken);
        var consumerOutput = consumer.StandardOutput.ReadToEndAsync(cancellationToken);
        var consumerErrors = consumer.StandardError.ReadToEndAsync(cancellationToken);
        await producer.StandardOutput.BaseStream.CopyToAsync(consumer.StandardInput.BaseStream, cancellationToken);
        consumer.StandardInput.Close();
        await WaitAsync(producer, Describe(from.Program, from.Arguments), cancellationToken);
        await WaitAsync(consumer, Describe(to.Program, to.Arguments), cancellationToken);
        if (producer.ExitCode != 0 || consumer.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Describe(from.Program, from.Arguments)} | {Describe(to.Program, to.Arguments)} failed " +
                $"(exit {producer.ExitCode} | {consumer.ExitCode}): {(await producerErrors).Trim()} {(await consumerErrors).Trim()} {(await consumerOutput).Trim()}");
        }
    }

    /// <summary>Starts a long-running program (a registry, a daemon) whose output is kept for failure messages.</summary>
    public static Process StartService(string program, IEnumerable<string> arguments, StringBuilder log, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var process = Start(Prepare(program, arguments, environment, redirectInput: false));
        // Read both streams, or a full pipe stalls the service; keep what it says for a failure message.
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Stops a service started by <see cref="StartService"/>: SIGKILL, then waits for it.</summary>
    public static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // It was never started or is already reaped.
        }
        process.Dispose();
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            // The start of a service's log says why it failed; the rest is repetition.
            if (log.Length < 64 * 1024)
            {
                log.AppendLine(line);
            }
        }
    }

    private static ProcessStartInfo Prepare(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, bool redirectInput)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        return start;
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{start.FileName} could not be started: {e.Message}", e);
        }
    }

    private static async Task WaitAsync(Process process, string what, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {Patience.TotalMinutes} minutes; it was killed");
        }
    }

    private static string Describe(string program, IEnumerable<string> arguments) => string.Join(' ', [program, .. arguments]);
}
