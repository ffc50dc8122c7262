using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

public class CiReportTests
{
    private static readonly Diagnostic StepFailed = Codes.TestStepFailed.Create("step failed", SampleResults.Dockerfile, 14);

    [Fact]
    public void A_GitHub_error_annotation_points_at_the_file_and_line_with_the_code_as_title()
    {
        Assert.Equal(
            "::error file=app/Dockerfile,line=14,title=SG3001::step failed",
            GitHubActionsReport.Command(StepFailed, SampleResults.Root));
    }

    [Fact]
    public void A_GitHub_annotation_carries_the_column_when_there_is_one()
    {
        var diagnostic = Codes.InvalidConfiguration.Create("bad", "/work/repo/app/stagegate.json", 3, 5);

        Assert.Equal(
            "::error file=app/stagegate.json,line=3,col=5,title=SG1015::bad",
            GitHubActionsReport.Command(diagnostic, SampleResults.Root));
    }

    [Fact]
    public void A_GitHub_warning_becomes_a_warning_command()
    {
        Assert.Equal("::warning title=SG3003::no tests", GitHubActionsReport.Command(Codes.NoTestStage.Create("no tests"), null));
    }

    [Fact]
    public void An_informational_diagnostic_gets_no_GitHub_annotation_so_a_green_run_is_quiet()
    {
        Assert.DoesNotContain("::notice", GitHubActionsReport.Render(SampleResults.Passing()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_GitHub_message_escapes_percent_and_line_breaks()
    {
        Assert.Equal("50%25 done%0D%0Anext", GitHubActionsReport.EscapeData("50% done\r\nnext"));
    }

    [Fact]
    public void A_GitHub_property_also_escapes_colons_and_commas()
    {
        Assert.Equal("C%3A\\src\\a%2Cb%25%0A", GitHubActionsReport.EscapeProperty("C:\\src\\a,b%\n"));
    }

    [Fact]
    public void A_GitHub_annotation_puts_the_details_under_the_message()
    {
        var diagnostic = StepFailed with { Details = ["line 1", "line 2"] };

        Assert.EndsWith("::step failed%0Aline 1%0Aline 2", GitHubActionsReport.Command(diagnostic, null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_steps_output_is_grouped_on_GitHub_and_cannot_issue_commands_of_its_own()
    {
        var failure = SampleResults.IntegrationFailure with { Output = ["::error::not from StageGate", "done"] };
        var result = SampleResults.TestFailure() with
        {
            TestStages = [new TestStageResult("integration", GateOutcome.Failed, TimeSpan.FromSeconds(1), failure)],
        };

        var lines = GitHubActionsReport.Render(result).Split('\n');

        Assert.Equal("::group::integration failed at Dockerfile:14 RUN make test", lines[0]);
        Assert.StartsWith("::stop-commands::stagegate-", lines[1], StringComparison.Ordinal);
        Assert.Equal("::error::not from StageGate", lines[3]);
        Assert.Equal($"::{lines[1]["::stop-commands::".Length..]}::", lines[5]);
        Assert.Equal("::endgroup::", lines[6]);
    }

    [Fact]
    public void An_Azure_issue_points_at_the_absolute_source_path_and_line_with_the_code()
    {
        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=/work/repo/app/Dockerfile;linenumber=14;code=SG3001]step failed",
            AzureDevOpsReport.Command(StepFailed, SampleResults.Root));
    }

    [Fact]
    public void An_Azure_issue_with_a_relative_path_is_made_absolute_under_the_sources_folder()
    {
        Assert.Contains(
            "sourcepath=/work/repo/app/Dockerfile;",
            AzureDevOpsReport.Command(Codes.TestStepFailed.Create("x", "app/Dockerfile", 3), SampleResults.Root),
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_informational_diagnostic_is_no_Azure_issue()
    {
        Assert.Null(AzureDevOpsReport.Command(Codes.TestStageSkippedByBuildKit.Create("skipped"), null));
    }

    [Fact]
    public void An_Azure_warning_without_a_file_has_only_its_type_and_code()
    {
        Assert.Equal("##vso[task.logissue type=warning;code=SG3003]no tests", AzureDevOpsReport.Command(Codes.NoTestStage.Create("no tests"), null));
    }

    [Fact]
    public void An_Azure_message_escapes_percent_and_line_breaks_the_Azure_way()
    {
        Assert.Equal("100%AZP25%0D%0Adone", AzureDevOpsReport.EscapeData("100%\r\ndone"));
    }

    [Fact]
    public void An_Azure_property_also_escapes_semicolons_and_closing_brackets()
    {
        Assert.Equal("a%3Bb%5Dc%AZP25%0A", AzureDevOpsReport.EscapeProperty("a;b]c%\n"));
    }

    [Fact]
    public void A_failed_run_completes_the_Azure_task_as_failed()
    {
        var lines = AzureDevOpsReport.Render(SampleResults.TestFailure()).TrimEnd('\n').Split('\n');

        Assert.StartsWith("##vso[task.complete result=Failed;]", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_run_leaves_the_Azure_task_result_alone()
    {
        Assert.DoesNotContain("task.complete", AzureDevOpsReport.Render(SampleResults.Passing()), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_output_cannot_issue_Azure_logging_commands()
    {
        var failure = SampleResults.IntegrationFailure with { Output = ["echo ##vso[task.setvariable variable=x]y", "##[error]fake"] };
        var result = SampleResults.TestFailure() with
        {
            TestStages = [new TestStageResult("integration", GateOutcome.Failed, TimeSpan.FromSeconds(1), failure)],
        };

        var text = AzureDevOpsReport.Render(result);

        Assert.DoesNotContain("##vso[task.setvariable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("##[error]", text, StringComparison.Ordinal);
        Assert.Contains("echo **vso[task.setvariable variable=x]y\n", text, StringComparison.Ordinal);
        Assert.Contains("##[group]integration failed at Dockerfile:14 RUN make test\n", text, StringComparison.Ordinal);
    }
}
