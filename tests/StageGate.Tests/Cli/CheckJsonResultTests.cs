using System.CommandLine;
using System.Text.Json.Nodes;
using StageGate.Tool.Commands;

namespace StageGate.Tests.Cli;

/// <summary>The JSON result (docs/json-result.md) of runs that stop before docker: bad input, as a program reads it.</summary>
public sealed class CheckJsonResultTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-json-result-").FullName;
    private readonly string _dockerfile;

    public CheckJsonResultTests()
    {
        _dockerfile = Path.Combine(_folder, "Dockerfile");
        File.WriteAllText(_dockerfile, "FROM busybox AS builder\nFROM builder AS test\nRUN true\nFROM scratch AS final\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> Run(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Check_with_json_format_prints_the_run_with_its_coded_error_and_no_report_when_there_is_no_verdict()
    {
        var (exit, output, _) = await Run(CheckCommand.Create(), "--file", _dockerfile, "--test-target", "tset", "--format", "json", "--ci", "none");

        var result = JsonNode.Parse(output)!;
        Assert.Equal(2, exit);
        Assert.Equal(2, (int)result["exitCode"]!);
        Assert.False((bool)result["passed"]!);
        Assert.Equal("SG1008", (string?)result["diagnostics"]![0]!["code"]);
        Assert.Equal("error", (string?)result["diagnostics"]![0]!["severity"]);
        Assert.Null(result["report"]);
        Assert.Null(result["msbuild"]);
    }

    [Fact]
    public async Task Check_refuses_a_format_it_does_not_have_as_an_input_error()
    {
        var (exit, output, error) = await Run(CheckCommand.Create(), "--file", _dockerfile, "--format", "yaml");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("SG1016", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_msbuild_command_writes_an_MSBuild_worded_error_at_the_project_file_to_its_result_file()
    {
        var project = Path.Combine(_folder, "app.csproj");
        var resultFile = Path.Combine(_folder, "result.json");

        var (exit, _, _) = await Run(MSBuildCommand.Create(), "--project", project, "--stamp", Path.Combine(_folder, "passed.stamp"), "--result", resultFile,
            "--property", "StageGateDockerfile=" + _dockerfile, "--property", "StageGateTestTargets=tset");

        var result = JsonNode.Parse(File.ReadAllText(resultFile))!;
        Assert.Equal(2, exit);
        var diagnostic = result["diagnostics"]![0]!;
        Assert.Equal(("SG1008", project), ((string?)diagnostic["code"], (string?)diagnostic["file"]));
        Assert.StartsWith("StageGateTestTargets", (string?)diagnostic["message"], StringComparison.Ordinal);
        Assert.False((bool)result["msbuild"]!["skipped"]!);
        Assert.False((bool)result["msbuild"]!["stampWritten"]!);
    }
}
