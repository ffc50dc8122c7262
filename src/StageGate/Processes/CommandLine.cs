using System.Text;

namespace StageGate.Processes;

/// <summary>Renders a file name and arguments as one line a user can paste into a POSIX shell.</summary>
internal static class CommandLine
{
    public static string Format(string fileName, IEnumerable<string> arguments, Redactor redactor)
    {
        var line = new StringBuilder(Quote(redactor.Redact(fileName)));
        foreach (var argument in arguments)
        {
            line.Append(' ').Append(Quote(redactor.Redact(argument)));
        }
        return line.ToString();
    }

    /// <summary>Leaves plain words alone and single-quotes the rest; a <c>'</c> inside becomes <c>'\''</c>.</summary>
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }
        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    // Characters no POSIX shell gives a meaning to in the middle of a word.
    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=' or '@' or '%' or '+';
}
