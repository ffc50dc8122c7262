using StageGate.Diagnostics;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

public class ReportTests
{
    [Fact]
    public void Each_format_is_rendered_by_its_own_renderer()
    {
        var result = SampleResults.TestFailure();

        Assert.Equal(TextReport.Render(result, SampleResults.Root), Report.Render(result, ReportFormat.Text, SampleResults.Root));
        Assert.Equal(ReportJson.Write(result), Report.Render(result, ReportFormat.Json));
        Assert.Equal(MarkdownReport.Render(result, SampleResults.Root), Report.Render(result, ReportFormat.Markdown, SampleResults.Root));
        Assert.Equal(GitHubActionsReport.Render(result, SampleResults.Root), Report.Render(result, ReportFormat.GitHubActions, SampleResults.Root));
        Assert.Equal(AzureDevOpsReport.Render(result, SampleResults.Root), Report.Render(result, ReportFormat.AzureDevOps, SampleResults.Root));
        Assert.Equal(JUnitReport.Render(result, SampleResults.Root), Report.Render(result, ReportFormat.JUnit, SampleResults.Root));
    }
}
