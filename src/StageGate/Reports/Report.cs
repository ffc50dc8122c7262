using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>Renders one result in any <see cref="ReportFormat"/>; every renderer is a pure function of the result.</summary>
public static class Report
{
    private static readonly Dictionary<string, ReportFormat> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = ReportFormat.Text,
        ["json"] = ReportFormat.Json,
        ["markdown"] = ReportFormat.Markdown,
        ["md"] = ReportFormat.Markdown,
        ["github-actions"] = ReportFormat.GitHubActions,
        ["github"] = ReportFormat.GitHubActions,
        ["azure-devops"] = ReportFormat.AzureDevOps,
        ["azure"] = ReportFormat.AzureDevOps,
        ["junit"] = ReportFormat.JUnit,
    };

    /// <summary>
    /// The result as <paramref name="format"/>. File paths are shown relative to <paramref name="repositoryRoot"/>
    /// when given (e.g. <c>GITHUB_WORKSPACE</c>, <c>BUILD_SOURCESDIRECTORY</c>), which CI file links need.
    /// </summary>
    public static string Render(GateResult result, ReportFormat format, string? repositoryRoot = null) => format switch
    {
        ReportFormat.Text => TextReport.Render(result, repositoryRoot),
        ReportFormat.Json => ReportJson.Write(result),
        ReportFormat.Markdown => MarkdownReport.Render(result, repositoryRoot),
        ReportFormat.GitHubActions => GitHubActionsReport.Render(result, repositoryRoot),
        ReportFormat.AzureDevOps => AzureDevOpsReport.Render(result, repositoryRoot),
        ReportFormat.JUnit => JUnitReport.Render(result, repositoryRoot),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
    };

    /// <summary>Reads a format as a user writes it: <c>text</c>, <c>json</c>, <c>markdown</c>, <c>github-actions</c>, <c>azure-devops</c>, <c>junit</c>.</summary>
    /// <exception cref="StageGateException">SG1016 for any other name, listing the accepted ones.</exception>
    public static ReportFormat ParseFormat(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Names.TryGetValue(name.Trim(), out var format)
            ? format
            : throw Codes.InvalidOption.Exception(
                $"Unknown report format '{name}'; use one of: text, json, markdown, github-actions, azure-devops, junit.");
    }
}
