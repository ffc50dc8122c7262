using System.Globalization;
using System.Text;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// Azure DevOps logging commands: a collapsible group with each failing step's output, one
/// <c>##vso[task.logissue]</c> per warning or error, and <c>##vso[task.complete result=Failed;]</c> when a gate failed.
/// </summary>
internal static class AzureDevOpsReport
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

        foreach (var diagnostic in result.Diagnostics)
        {
            text.Append(Command(diagnostic, repositoryRoot)).Append('\n');
        }

        if (!result.Passed)
        {
            text.Append("##vso[task.complete result=Failed;]").Append(EscapeData(ReportWording.Verdict(result))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// <c>##vso[task.logissue type=error;sourcepath=Dockerfile;linenumber=14;code=SG3001]message</c>. Azure has no
    /// informational issue, so an info diagnostic is a plain line.
    /// </summary>
    internal static string Command(Diagnostic diagnostic, string? repositoryRoot)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Info)
        {
            return Defuse(ReportWording.OneLine($"{diagnostic.Code}: {diagnostic.Message}"));
        }
        var properties = new StringBuilder("type=").Append(diagnostic.IsError ? "error" : "warning").Append(';');
        if (ReportWording.RelativePath(diagnostic.File, repositoryRoot) is { } file)
        {
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
        return $"##vso[task.logissue {properties}]{EscapeData(ReportWording.MessageWithDetails(diagnostic))}";
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
    /// The agent obeys <c>##vso[</c> anywhere in a line and <c>##[</c> at its start, and Azure has no way to
    /// suspend that; a word joiner between the hashes keeps build output from issuing commands.
    /// </summary>
    internal static string Defuse(string line) => line
        .Replace("##vso[", "#\u2060#vso[", StringComparison.OrdinalIgnoreCase)
        .Replace("##[", "#\u2060#[", StringComparison.Ordinal);
}
