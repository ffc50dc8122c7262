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

    [GeneratedRegex("""^(?:executor failed running \[.*\]|process ".*" did not complete successfully): exit code: (?<code>\d+)$""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CommandExited();
}
