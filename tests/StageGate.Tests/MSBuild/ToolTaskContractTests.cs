using System.Runtime.Serialization.Json;
using System.Text;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;
using StageGate.MSBuild;
using StageGate.Reports;
using StageGate.Tool.Commands;

namespace StageGate.Tests.MSBuild;

/// <summary>What the CLI writes and the .NET Framework task reads: the two sides of one contract, held together.</summary>
public class ToolTaskContractTests
{
    [Fact]
    public void The_task_reads_the_diagnostics_summary_and_outputs_the_CLI_writes()
    {
        var failure = new Diagnostic(DiagnosticSeverity.Error, "SG3001", "Test stage 'test' failed", "/src/Dockerfile", 4) { Details = ["looking for /missing.txt"] };
        var info = new Diagnostic(DiagnosticSeverity.Info, "SG3002", "The final stage does not depend on the test stage.");
        var run = new HostedRun<GateResult>(null, [failure, info], ExitCodes.GateFailed, "StageGate: test stage failed") { CiCommands = ["##vso[task.setvariable variable=x]y"] };
        var outputs = new PassedStamp("fingerprint", "sha256:1111", null, "763000", "/obj/stagegate/report.json");

        var result = Read(RunJson.Write(new IncrementalRun(run, outputs, StampWritten: true)));

        Assert.Equal("StageGate: test stage failed", result.Summary);
        var read = Assert.Single(result.Diagnostics!, d => d.Code == "SG3001");
        Assert.Equal(("error", "/src/Dockerfile", 4, (int?)null), (read.Severity, read.File, read.Line, read.Column));
        Assert.Equal(["looking for /missing.txt"], read.Details ?? []);
        Assert.Equal("info", result.Diagnostics!.Single(d => d.Code == "SG3002").Severity);
        Assert.Equal(["##vso[task.setvariable variable=x]y"], result.CiCommands ?? []);
        Assert.Equal((false, true, "sha256:1111", null, "763000", "/obj/stagegate/report.json"),
            (result.MSBuild!.Skipped, result.MSBuild.StampWritten, result.MSBuild.ImageId, result.MSBuild.Digest, result.MSBuild.FinalSizeBytes, result.MSBuild.ReportPath));
    }

    [Fact]
    public void A_skipped_check_reads_as_skipped_with_the_last_passing_runs_outputs()
    {
        var result = Read(RunJson.Write(new IncrementalRun(null, new PassedStamp("f", "sha256:2222", null, "3", null), StampWritten: false)));

        Assert.True(result.MSBuild!.Skipped);
        Assert.Equal("sha256:2222", result.MSBuild.ImageId);
        Assert.Empty(result.Diagnostics!);
    }

    [Fact]
    public void The_codes_the_task_logs_itself_are_the_documented_ones()
    {
        Assert.Equal(CheckStageGatesWithTool.CancelledCode, Codes.Cancelled.Code);
        Assert.Equal(CheckStageGatesWithTool.NoDotnetCode, Codes.NoDotnetForTool.Code);
        Assert.Equal(CheckStageGatesWithTool.NoResultCode, Codes.ToolGaveNoResult.Code);
        Assert.Equal(CheckStageGatesWithTool.NewerResultCode, Codes.ToolResultTooNew.Code);
        Assert.Equal(RunJson.SchemaVersion, ToolResult.KnownSchemaVersion);
    }

    [Fact]
    public void Both_tasks_show_a_diagnostics_details_as_every_StageGate_log_does()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, "SG3001", "failed") { Details = ["one", "two"] };

        Assert.Equal(DiagnosticText.MessageWithDetails(diagnostic), DiagnosticLog.MessageWithDetails(diagnostic.Message, diagnostic.Details.ToList()));
    }

    [Fact]
    public void The_dotnet_host_is_the_one_running_the_build_then_DOTNET_ROOTs_then_the_first_on_PATH()
    {
        var root = Path.Combine(Path.GetTempPath(), "dotnet-root");
        var onPath = Path.Combine(Path.GetTempPath(), "bin");
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_HOST_PATH"] = "/usr/share/dotnet/dotnet",
            ["DOTNET_ROOT"] = root,
            ["PATH"] = string.Join(Path.PathSeparator, "/nowhere", onPath),
        };
        string? Find(params string[] existing) => DotnetHost.Find(name => environment.GetValueOrDefault(name), existing.Contains);

        Assert.Equal("/usr/share/dotnet/dotnet", Find("/usr/share/dotnet/dotnet", Path.Combine(root, DotnetHost.FileName)));
        Assert.Equal(Path.Combine(root, DotnetHost.FileName), Find(Path.Combine(root, DotnetHost.FileName), Path.Combine(onPath, DotnetHost.FileName)));
        Assert.Equal(Path.Combine(onPath, DotnetHost.FileName), Find(Path.Combine(onPath, DotnetHost.FileName)));
        Assert.Null(Find());
    }

    private static ToolResult Read(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return (ToolResult)new DataContractJsonSerializer(typeof(ToolResult)).ReadObject(stream)!;
    }
}
