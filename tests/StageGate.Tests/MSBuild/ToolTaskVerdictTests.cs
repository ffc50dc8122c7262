using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using StageGate.MSBuild;

namespace StageGate.Tests.MSBuild;

/// <summary>How Visual Studio's task turns what the CLI left behind into the build's verdict.</summary>
public sealed class ToolTaskVerdictTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-tool-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();
    private readonly CheckStageGatesWithTool _task;

    public ToolTaskVerdictTests()
    {
        _task = new CheckStageGatesWithTool
        {
            BuildEngine = _engine,
            ProjectFile = Path.Combine(_folder, "app.csproj"),
            StampFile = Path.Combine(_folder, "passed.stamp"),
            ToolAssembly = "/pkg/tools/net8.0/StageGate.Tool.dll",
        };
        File.WriteAllText(_task.StampFile, "fingerprint\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_CLI_that_exits_with_a_failing_code_fails_the_build_even_when_its_result_names_no_error()
    {
        _task.Report(new ToolResult { SchemaVersion = 1, ExitCode = 1, Passed = false, Summary = "StageGate: failed", Diagnostics = [], MSBuild = new ToolOutputs { StampWritten = true } }, exitCode: 1);

        Assert.Equal("SG2041", Assert.Single(_engine.Errors).Code);
        Assert.False(File.Exists(_task.StampFile));
    }

    [Fact]
    public void A_passing_result_with_exit_code_0_logs_no_error_and_keeps_the_stamp()
    {
        _task.Report(new ToolResult { SchemaVersion = 1, ExitCode = 0, Passed = true, Summary = "StageGate: passed", Diagnostics = [], MSBuild = new ToolOutputs { StampWritten = true } }, exitCode: 0);

        Assert.Empty(_engine.Errors);
        Assert.True(File.Exists(_task.StampFile));
    }

    [Fact]
    public void A_result_of_a_newer_schema_is_refused_with_SG2042_rather_than_misread_as_a_pass()
    {
        _task.Report(new ToolResult { SchemaVersion = ToolResult.KnownSchemaVersion + 1, Summary = "StageGate: passed", Diagnostics = [] }, exitCode: 0);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("SG2042", error.Code);
        Assert.Contains("reinstall StageGate.MSBuild", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_task.StampFile));
    }

    [Fact]
    public void A_result_without_a_summary_or_with_a_null_diagnostic_is_logged_without_crashing_the_task()
    {
        _task.Report(new ToolResult { SchemaVersion = 1, ExitCode = 2, Diagnostics = [null!, new ToolDiagnostic { Severity = "error", Code = "SG2003" }] }, exitCode: 2);

        Assert.Equal("SG2003", Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void A_run_that_only_left_notes_still_says_at_normal_importance_that_the_gates_did_not_run()
    {
        _task.Report(new ToolResult { SchemaVersion = 1, ExitCode = 0, Quiet = true, Summary = "StageGate: not run (no Docker engine)", Diagnostics = [] }, exitCode: 0);

        var summary = Assert.Single(_engine.Messages, m => m.Message == "StageGate: not run (no Docker engine)");
        Assert.Equal(MessageImportance.Normal, summary.Importance);
    }

    [Fact]
    public void A_CLI_that_printed_a_coded_error_instead_of_its_result_shows_that_error_not_reinstall_advice()
    {
        _task.LogLine("StageGate: building test stage");
        _task.LogLine("error SG2011: The gates' result for the MSBuild task could not be written to '/tmp/x.json': No space left on device. The build fails.");

        _task.NoResult();

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("SG2011", error.Code);
        Assert.StartsWith("The gates' result for the MSBuild task could not be written", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_task.StampFile));
    }

    [Fact]
    public void A_CLI_that_crashed_keeps_the_runtimes_unhandled_exception_line_above_the_stack_frames()
    {
        _task.LogLine("Unhandled exception. System.IO.IOException: No space left on device : '/tmp/stagegate-1.json'");
        for (var frame = 0; frame < 20; frame++)
        {
            _task.LogLine($"   at StageGate.Frame{frame}()");
        }

        _task.NoResult();

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("SG2041", error.Code);
        Assert.Contains("Unhandled exception. System.IO.IOException: No space left on device", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CI", "true", null)]
    [InlineData("JENKINS_URL", "https://jenkins.example/", null)]
    [InlineData(null, null, "true")]
    public void No_dotnet_in_CI_or_with_Docker_required_fails_the_build(string? variable, string? value, string? requireDocker)
    {
        if (requireDocker is not null)
        {
            _task.Properties = [new TaskItem("StageGateRequireDocker", new Dictionary<string, string> { ["Value"] = requireDocker })];
        }

        var passed = _task.NoDotnet(name => name == variable ? value : null);

        Assert.False(passed);
        Assert.Equal("SG2040", Assert.Single(_engine.Errors).Code);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void No_dotnet_on_a_developer_machine_warns_and_the_build_goes_on()
    {
        var passed = _task.NoDotnet(_ => null);

        Assert.True(passed);
        Assert.Equal("SG2040", Assert.Single(_engine.Warnings).Code);
        Assert.Empty(_engine.Errors);
    }
}
