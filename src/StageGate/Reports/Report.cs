using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>Renders one result in any <see cref="ReportFormat"/>; every renderer is a pure function of the result.</summary>
internal static class Report
{
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
}
