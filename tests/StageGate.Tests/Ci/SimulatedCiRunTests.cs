namespace StageGate.Tests.Ci;

/// <summary>Runs that stop at the inputs (exit 2), in a simulated GitHub Actions job and Azure Pipelines job: no docker needed.</summary>
public sealed class SimulatedCiRunTests : IDisposable
{
    private const string Dockerfile = "FROM busybox AS build\nRUN echo built\nFROM scratch\nCOPY --from=build /bin/busybox /busybox\n";

    private readonly SimulatedCiRun _ci = new();

    public void Dispose() => _ci.Dispose();

    [Fact]
    public async Task On_GitHub_an_input_error_is_annotated_at_its_file_relative_to_the_workspace()
    {
        _ci.Write("app/Dockerfile", Dockerfile);

        var run = await _ci.GitHubAsync("--file", "app/Dockerfile", "--final-target", "nosuch");

        Assert.Equal(2, run.Exit);
        Assert.Contains("\n::error file=app/Dockerfile,title=SG1008::--final-target: Stage 'nosuch' not found.", "\n" + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_GitHub_an_input_error_still_writes_the_job_summary_and_sets_passed_to_false()
    {
        _ci.Write("app/Dockerfile", Dockerfile);

        await _ci.GitHubAsync("--file", "app/Dockerfile", "--budget", "10XB");

        var summary = await File.ReadAllTextAsync(_ci.StepSummary);
        Assert.StartsWith("## ❌ StageGate could not run the gates\n", summary, StringComparison.Ordinal);
        Assert.Contains("**SG1012**", summary, StringComparison.Ordinal);
        Assert.Equal("false", _ci.Outputs()["passed"]);
    }

    [Fact]
    public async Task On_GitHub_the_error_on_stderr_cannot_issue_a_command_of_its_own()
    {
        _ci.Write("app/Dockerfile", Dockerfile);

        // The runner's older form, ##[command], counts anywhere in a line.
        var run = await _ci.GitHubAsync("--file", "app/Dockerfile", "--final-target", "##[error]forged");

        var error = run.Error.Split('\n');
        Assert.StartsWith("::stop-commands::stagegate-", error[0], StringComparison.Ordinal);
        Assert.Contains("##[error]forged", error[1], StringComparison.Ordinal);
        Assert.Equal($"::{error[0]["::stop-commands::".Length..]}::", error[2]);
    }

    [Fact]
    public async Task On_Azure_an_input_error_is_an_issue_at_its_absolute_source_path_then_the_task_fails()
    {
        var dockerfile = _ci.Write("app/Dockerfile", Dockerfile);

        var run = await _ci.AzureAsync("--file", "app/Dockerfile", "--final-target", "nosuch");

        Assert.Equal(2, run.Exit);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Contains($"##vso[task.logissue type=error;sourcepath={dockerfile};code=SG1008]--final-target: Stage 'nosuch' not found. Stages: build.", lines);
        Assert.StartsWith("##vso[task.complete result=Failed;]", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Azure_an_input_error_sets_the_output_variable_and_uploads_the_summary_from_the_agent_temp_folder()
    {
        _ci.Write("app/Dockerfile", Dockerfile);

        var run = await _ci.AzureAsync("--file", "app/Dockerfile", "--budget", "10XB");

        Assert.Contains("##vso[task.setvariable variable=passed;isOutput=true]false\n", run.Output, StringComparison.Ordinal);
        var upload = run.Output.Split('\n').Single(l => l.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal));
        var summary = upload["##vso[task.uploadsummary]".Length..];
        Assert.StartsWith(_ci.AgentTemp, summary, StringComparison.Ordinal);
        Assert.Contains("**SG1012**", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Azure_a_command_in_an_option_value_reaches_the_log_defused_on_stderr_too()
    {
        _ci.Write("app/Dockerfile", Dockerfile);

        var run = await _ci.AzureAsync("--file", "app/Dockerfile", "--final-target", "##vso[task.complete result=Succeeded;]");

        Assert.DoesNotContain("##vso[task.complete result=Succeeded", run.Output + run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("**vso[task.complete result=Succeeded;]", run.Error, StringComparison.Ordinal);
    }
}
