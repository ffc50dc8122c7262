using System.Text;

namespace StageGate.Processes;

/// <summary>
/// A program exited with a non-zero code and its command asked for that to be an error
/// (<see cref="ProcessCommand.WithExitCodeValidation"/>). Everything in it has secrets as <c>***</c>.
/// </summary>
public sealed class ProcessFailedException : Exception
{
    public ProcessFailedException(int exitCode, string commandLine, IReadOnlyList<string> standardErrorTail)
        : base(Describe(exitCode, commandLine, standardErrorTail))
    {
        ExitCode = exitCode;
        CommandLine = commandLine;
        StandardErrorTail = standardErrorTail;
    }

    public int ExitCode { get; }

    /// <summary>The command line, as it can be pasted into a shell to reproduce the failure.</summary>
    public string CommandLine { get; }

    /// <summary>The last lines the program wrote to standard error.</summary>
    public IReadOnlyList<string> StandardErrorTail { get; }

    private static string Describe(int exitCode, string commandLine, IReadOnlyList<string> standardErrorTail)
    {
        var message = new StringBuilder()
            .Append("The command exited with code ").Append(exitCode).Append(": ").Append(commandLine).Append('\n');
        if (standardErrorTail.Count == 0)
        {
            return message
                .Append("It wrote nothing to standard error. Run the command in a shell to see its full output.")
                .ToString();
        }

        message.Append("Last lines of its standard error:\n");
        foreach (var line in standardErrorTail)
        {
            message.Append("  ").Append(line).Append('\n');
        }
        return message
            .Append("Fix what the standard error reports, or run the command in a shell to reproduce it.")
            .ToString();
    }
}
