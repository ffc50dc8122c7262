using System.Text;
using Microsoft.Build.Framework;
using StageGate.Hosting;

namespace StageGate.MSBuild;

/// <summary>
/// The command line of <c>stagegate msbuild</c>: the project's StageGate properties and items as the targets pass them,
/// unread, so the core's option table maps them in the CLI exactly as it does in the .NET task. Quoted as Windows'
/// C runtime splits a command line, which is also how .NET splits one on Linux and macOS; no shell is involved.
/// </summary>
internal static class ToolArguments
{
    public static IReadOnlyList<string> For(string toolAssembly, string projectFile, string stampFile, string resultFile,
        IEnumerable<ITaskItem> properties, IEnumerable<ITaskItem> items)
    {
        var arguments = new List<string> { toolAssembly, "msbuild", "--project", projectFile, "--stamp", stampFile, "--result", resultFile };
        foreach (var property in properties)
        {
            arguments.Add("--property");
            arguments.Add(property.ItemSpec + "=" + property.GetMetadata("Value"));
        }
        foreach (var item in items)
        {
            arguments.Add("--item");
            arguments.Add(Item(item));
        }
        return arguments;
    }

    /// <summary><c>Type=Include;Name=Value…</c>, the include and values URI-escaped so their own <c>;</c> and <c>=</c> survive.</summary>
    public static string Item(ITaskItem item)
    {
        var text = new StringBuilder(item.GetMetadata(MSBuildProtocol.ItemTypeMetadata)).Append('=').Append(Uri.EscapeDataString(item.ItemSpec));
        foreach (var name in item.CloneCustomMetadata().Keys.Cast<string>().Where(n => n != MSBuildProtocol.ItemTypeMetadata).OrderBy(n => n, StringComparer.Ordinal))
        {
            text.Append(';').Append(name).Append('=').Append(Uri.EscapeDataString(item.GetMetadata(name)));
        }
        return text.ToString();
    }

    /// <summary>One command line that splits back into exactly <paramref name="arguments"/>.</summary>
    public static string CommandLine(IEnumerable<string> arguments)
    {
        var line = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            Append(line, argument);
        }
        return line.ToString();
    }

    // The rules of CommandLineToArgvW: backslashes are literal unless they precede a quote, where each pair is one
    // backslash and an odd one escapes the quote.
    private static void Append(StringBuilder line, string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '\n', '\v', '"']) < 0)
        {
            line.Append(argument);
            return;
        }
        line.Append('"');
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }
            line.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }
        line.Append('\\', backslashes * 2).Append('"');
    }
}
