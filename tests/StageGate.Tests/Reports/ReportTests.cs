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

    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData("md", ReportFormat.Markdown)]
    [InlineData("github-actions", ReportFormat.GitHubActions)]
    [InlineData("github", ReportFormat.GitHubActions)]
    [InlineData("azure-devops", ReportFormat.AzureDevOps)]
    [InlineData("junit", ReportFormat.JUnit)]
    public void A_format_is_read_as_a_user_writes_it(string name, ReportFormat format)
    {
        Assert.Equal(format, Report.ParseFormat(name));
    }

    [Fact]
    public void An_unknown_format_is_SG1016_listing_the_known_ones()
    {
        var error = Assert.Throws<StageGateException>(() => Report.ParseFormat("xml"));

        Assert.Equal("SG1016", error.Code);
        Assert.Contains("text, json, markdown, github-actions, azure-devops, junit", error.Message, StringComparison.Ordinal);
    }
}
