using StageGate.Diagnostics;

namespace StageGate.Tool.Commands;

/// <summary>Exit codes the CLI promises, and the one place that turns a coded failure into one.</summary>
internal static class CommandExit
{
    public const int Success = 0;
    public const int GateFailed = 1;
    public const int InputOrEnvironmentError = 2;

    /// <summary>
    /// Runs a command body; a <see cref="StageGateException"/> becomes its diagnostic on stderr and exit
    /// code 2, so a user sees <c>error SGxxxx: …</c> and never a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(TextWriter stderr, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (StageGateException ex)
        {
            await stderr.WriteLineAsync(ex.Diagnostic.ToString());
            foreach (var detail in ex.Diagnostic.Details)
            {
                await stderr.WriteLineAsync("  " + detail);
            }
            return InputOrEnvironmentError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync(Codes.Cancelled.Create("Cancelled.").ToString());
            return InputOrEnvironmentError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Still coded and one line: the trace is for bug reports, on request.
            await stderr.WriteLineAsync(Codes.Unexpected.Create($"{ex.GetType().Name}: {ex.Message}").ToString());
            if (Environment.GetEnvironmentVariable("STAGEGATE_DEBUG") == "1")
            {
                await stderr.WriteLineAsync(ex.ToString());
            }
            return InputOrEnvironmentError;
        }
    }
}
