using System.Text.RegularExpressions;

namespace StageGate.Buildx;

/// <summary>Puts BuildKit's error for a failed step in the user's words.</summary>
internal static partial class StepError
{
    /// <summary>
    /// <c>executor failed running [/bin/sh -c make test]: exit code: 1</c> (BuildKit before 0.11) and
    /// <c>process "/bin/sh -c make test" did not complete successfully: exit code: 1</c> (since) repeat the
    /// instruction the message already names, so they become <c>the command exited with code 1</c>. Other errors
    /// are kept as BuildKit wrote them: they hold information a shorter phrase would lose.
    /// </summary>
    public static string Plain(string error)
    {
        var match = CommandExited().Match(error);
        return match.Success ? $"the command exited with code {match.Groups["code"].Value}" : error;
    }

    /// <summary>
    /// Whose fault BuildKit's <paramref name="error"/> for a step is. BuildKit's rawjson carries a vertex's error
    /// only as Go's error text, so this is the one place that reads it: a command's exit code is the stage's
    /// failure; a step BuildKit runs on its own behalf (<paramref name="isInternal"/>: loading metadata, exporting),
    /// the <c>FROM</c> of an image (step 1, which fails only when the image cannot be resolved or pulled), and
    /// the transport's own failures are the environment's; anything else (a COPY without a source) is the stage's.
    /// </summary>
    public static StepFailureKind Classify(string error, bool isInternal, int? stepNumber)
    {
        if (CommandExited().IsMatch(error))
        {
            return StepFailureKind.Command;
        }
        return isInternal || stepNumber == 1 || EnvironmentFailure().IsMatch(error)
            ? StepFailureKind.Environment
            : StepFailureKind.Instruction;
    }

    // gRPC's Unavailable and ResourceExhausted (the daemon went away; a message over BuildKit's size limit),
    // a connection cut under the build, and a full disk.
    [GeneratedRegex("""rpc error: code = (?:Unavailable|ResourceExhausted)|grpc: received message larger than max|transport is closing|error reading from server|connection reset by peer|no space left on device""", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentFailure();

    [GeneratedRegex("""^(?:executor failed running \[.*\]|process ".*" did not complete successfully): exit code: (?<code>\d+)$""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CommandExited();
}
