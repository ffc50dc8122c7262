using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// Azure DevOps logging commands: a collapsible group with each failing step's output, one
/// <c>##vso[task.logissue]</c> per warning or error, and <c>##vso[task.complete result=Failed;]</c> when a gate failed.
/// </summary>
internal static partial class AzureDevOpsReport
{
    public static string Render(GateResult result, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var failures = result.TestStages.Select(s => s.Failure).Append(result.FinalImage?.Failure).OfType<FailedStep>();
        foreach (var failure in failures)
        {
            text.Append("##[group]").Append(Defuse(ReportWording.OneLine($"{failure.Target} failed at {ReportWording.Location(failure, result.Dockerfile)}"))).Append('\n');
            if (!string.IsNullOrWhiteSpace(failure.Error))
            {
                text.Append(Defuse(ReportWording.OneLine(failure.Error))).Append('\n');
            }
            foreach (var line in failure.Output)
            {
                text.Append(Defuse(line)).Append('\n');
            }
            text.Append("##[endgroup]\n");
        }

        text.Append(Issues(result.Diagnostics, repositoryRoot));
        if (!result.Passed)
        {
            text.Append(Failed(ReportWording.Verdict(result)));
        }
        return text.ToString();
    }

    /// <summary>One issue per error and warning, errors first; informational diagnostics are left to the summary.</summary>
    public static string Issues(IEnumerable<Diagnostic> diagnostics, string? repositoryRoot) =>
        string.Concat(diagnostics.OrderByDescending(d => d.Severity).Select(d => Command(d, repositoryRoot)).OfType<string>().Select(c => c + "\n"));

    /// <summary>Fails the task with a reason, which Azure shows on the timeline.</summary>
    public static string Failed(string reason) => "##vso[task.complete result=Failed;]" + EscapeData(reason) + "\n";

    /// <summary>
    /// <c>##vso[task.logissue type=error;sourcepath=/agent/_work/1/s/Dockerfile;linenumber=14;code=SG3001]message</c>;
    /// null for an informational diagnostic, which Azure has no issue for. The logging-commands documentation asks for
    /// an absolute <c>sourcepath</c>: the agent itself turns it into the repository path that links to the file.
    /// </summary>
    internal static string? Command(Diagnostic diagnostic, string? repositoryRoot)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Info)
        {
            return null;
        }
        var properties = new StringBuilder("type=").Append(diagnostic.IsError ? "error" : "warning").Append(';');
        if (diagnostic.File is { } file)
        {
            file = Path.IsPathFullyQualified(file) || string.IsNullOrEmpty(repositoryRoot) ? file : Path.GetFullPath(file, repositoryRoot);
            properties.Append("sourcepath=").Append(EscapeProperty(file)).Append(';');
            if (diagnostic.Line is { } line)
            {
                properties.Append("linenumber=").Append(line.ToString(CultureInfo.InvariantCulture)).Append(';');
                if (diagnostic.Column is { } column)
                {
                    properties.Append("columnnumber=").Append(column.ToString(CultureInfo.InvariantCulture)).Append(';');
                }
            }
        }
        properties.Append("code=").Append(EscapeProperty(diagnostic.Code));
        // The agent reads one command a line, but the message is shown: it is neutralised like any other line.
        return $"##vso[task.logissue {properties}]{EscapeData(Defuse(ReportWording.MessageWithDetails(diagnostic)))}";
    }

    /// <summary>The escaping of a command's message, as azure-pipelines-task-lib does it.</summary>
    internal static string EscapeData(string value) => value
        .Replace("%", "%AZP25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>The escaping of a property value: the message's, plus the separators ']' and ';'.</summary>
    internal static string EscapeProperty(string value) => EscapeData(value)
        .Replace("]", "%5D", StringComparison.Ordinal)
        .Replace(";", "%3B", StringComparison.Ordinal);

    /// <summary>
    /// The agent obeys <c>##vso[</c> anywhere in a line (and formats a line starting <c>##[</c>), and Azure has no way to
    /// suspend that. The hashes become <c>**</c>, as the agent's own neutraliser does: an invisible character between
    /// them would not do, because agents that search with a culture-aware IndexOf skip zero-width characters.
    /// </summary>
    internal static string Defuse(string line) => CommandPrefix().Replace(line, "**$1");

    [GeneratedRegex(@"##(vso\[|\[)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommandPrefix();
}
