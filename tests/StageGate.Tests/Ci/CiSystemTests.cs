using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Tests.Reports;

namespace StageGate.Tests.Ci;

public class CiSystemTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void GitHub_Actions_is_detected_from_GITHUB_ACTIONS()
    {
        Assert.IsType<GitHubActions>(CiSystem.Detect("auto", Environment(("GITHUB_ACTIONS", "true"))));
    }

    [Fact]
    public void Azure_Pipelines_is_detected_from_TF_BUILD_as_the_agent_sets_it()
    {
        Assert.IsType<AzurePipelines>(CiSystem.Detect("auto", Environment(("TF_BUILD", "True"))));
    }

    [Fact]
    public void Text_after_an_MSBuild_prefix_cannot_issue_GitHubs_older_command_form()
    {
        var defused = new GitHubActions(Environment()).DefuseInline("RUN echo \"##[error]forged\" && false");

        Assert.DoesNotContain("##[", defused, StringComparison.Ordinal);
        Assert.Contains("forged", defused, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_none_wins_over_the_environment()
    {
        Assert.Null(CiSystem.Detect("none", Environment(("GITHUB_ACTIONS", "true"))));
    }

    [Fact]
    public void Outside_CI_there_is_no_CI_system()
    {
        Assert.Null(CiSystem.Detect("auto", Environment()));
    }

    [Fact]
    public void The_workspace_is_the_checkout_each_system_names()
    {
        Assert.Equal("/gh", CiSystem.Detect("github", Environment(("GITHUB_WORKSPACE", "/gh")))!.Workspace);
        Assert.Equal("/az", CiSystem.Detect("azure", Environment(("BUILD_SOURCESDIRECTORY", "/az")))!.Workspace);
    }

    [Theory]
    [InlineData("::error::x")]
    [InlineData("   ::set-output name=a::b")]
    [InlineData("text ##[error]x")]
    [InlineData("harmless\r::warning::after a bare carriage return")]
    public void On_GitHub_lines_that_could_be_commands_are_put_between_stop_commands_and_its_token(string line)
    {
        var lines = new GitHubActions(Environment()).Defuse(["before", line]);

        Assert.StartsWith("::stop-commands::stagegate-", lines[0], StringComparison.Ordinal);
        Assert.Equal(["before", line], lines.Skip(1).Take(2));
        Assert.Equal($"::{lines[0]["::stop-commands::".Length..]}::", lines[^1]);
    }

    [Fact]
    public void On_GitHub_lines_that_cannot_be_commands_are_left_as_they_are()
    {
        Assert.Equal(["a :: b", "step 1/2"], new GitHubActions(Environment()).Defuse(["a :: b", "step 1/2"]));
    }

    [Theory]
    [InlineData("##vso[task.complete result=Succeeded;]", "**vso[task.complete result=Succeeded;]")]
    [InlineData("echo ##VSO[task.setvariable variable=x]y", "echo **VSO[task.setvariable variable=x]y")]
    [InlineData("##[group]fake", "**[group]fake")]
    public void On_Azure_every_line_loses_the_prefix_the_agent_acts_on(string line, string shown)
    {
        Assert.Equal([shown], new AzurePipelines(Environment()).Defuse([line]));
    }

    [Fact]
    public void GitHub_annotates_ten_errors_and_ten_warnings_errors_first_and_no_informational_diagnostic()
    {
        var diagnostics = Enumerable.Range(1, 12).Select(i => Codes.NoTestStage.Create($"warning {i}"))
            .Concat(Enumerable.Range(1, 12).Select(i => Codes.TestStepFailed.Create($"error {i}")))
            .Append(Codes.TestStageSkippedByBuildKit.Create("info"))
            .ToList();

        var annotations = new GitHubActions(Environment()).Annotations(diagnostics);

        Assert.Equal(20, annotations.Count);
        Assert.All(annotations.Take(10), a => Assert.StartsWith("::error ", a, StringComparison.Ordinal));
        Assert.All(annotations.Skip(10), a => Assert.StartsWith("::warning ", a, StringComparison.Ordinal));
        Assert.EndsWith("::error 10", annotations[9], StringComparison.Ordinal);
    }

    [Fact]
    public void A_GitHub_output_file_holds_each_value_between_delimiters_so_a_line_break_cannot_end_it()
    {
        var outputs = new CiOutputs(false, "sha256:abc", null, 763_412, "/w/report\n.json");

        var lines = GitHubActions.OutputFile(outputs).TrimEnd('\n').Split('\n');

        Assert.StartsWith("passed<<ghadelimiter_", lines[0], StringComparison.Ordinal);
        Assert.Equal("false", lines[1]);
        Assert.Equal(lines[0]["passed<<".Length..], lines[2]);
        Assert.StartsWith("image-id<<", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("size-bytes<<", lines[6], StringComparison.Ordinal);
        Assert.Equal("763412", lines[7]);
        Assert.Equal(["/w/report", ".json"], lines[10..12]);
        Assert.DoesNotContain(lines, l => l.StartsWith("digest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Azure_outputs_are_output_variables_and_the_summary_is_uploaded_from_the_agent_temp_folder()
    {
        var temp = Directory.CreateTempSubdirectory("stagegate-azure-");
        try
        {
            var azure = new AzurePipelines(Environment(("AGENT_TEMPDIRECTORY", temp.FullName)));

            var commands = await azure.PublishAsync("## summary\n", new CiOutputs(true, "sha256:abc", null, 5, null), CancellationToken.None);

            Assert.Equal("##vso[task.setvariable variable=passed;isOutput=true]true", commands[0]);
            Assert.Contains("##vso[task.setvariable variable=imageId;isOutput=true]sha256:abc", commands);
            Assert.Contains("##vso[task.setvariable variable=sizeBytes;isOutput=true]5", commands);
            var upload = Assert.Single(commands, c => c.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal));
            var file = upload["##vso[task.uploadsummary]".Length..];
            Assert.StartsWith(temp.FullName, file, StringComparison.Ordinal);
            Assert.Equal("## summary\n", await File.ReadAllTextAsync(file));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_console_report_on_GitHub_keeps_build_output_in_the_text_report_from_issuing_commands()
    {
        var failure = SampleResults.IntegrationFailure with { Error = "::error::forged", Output = ["::set-output name=passed::true"] };
        var result = SampleResults.TestFailure() with
        {
            TestStages = [new StageGate.Gates.TestStageResult("integration", StageGate.Gates.GateOutcome.Failed, TimeSpan.FromSeconds(1), failure)],
        };
        var github = new GitHubActions(Environment(("GITHUB_WORKSPACE", SampleResults.Root)));

        var lines = StageGate.Reports.ConsoleReport.Render(result, result.Diagnostics, github, []).Split('\n');

        Assert.StartsWith("::stop-commands::", lines[0], StringComparison.Ordinal);
        var stopped = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("::stop-commands::", StringComparison.Ordinal))
            {
                stopped = true;
            }
            else if (stopped && line.StartsWith("::stagegate-", StringComparison.Ordinal))
            {
                stopped = false;
            }
            else if (!stopped && line.TrimStart().StartsWith("::", StringComparison.Ordinal))
            {
                // Outside a suspended stretch, only StageGate's own commands may stand.
                Assert.Matches("^::(group|endgroup|error|warning)", line);
            }
        }
        Assert.Contains("::error file=app/Dockerfile,line=14,title=SG3001::", string.Join("\n", lines), StringComparison.Ordinal);
    }
}
