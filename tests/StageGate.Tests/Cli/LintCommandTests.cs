using System.CommandLine;
using System.Text.Json;
using StageGate.Tests.Context;
using StageGate.Tool.Commands;

namespace StageGate.Tests.Cli;

public sealed class LintCommandTests : IDisposable
{
    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    private async Task<(int Exit, string Output, string Error)> Run(string dockerfile, params string[] args)
    {
        var path = _context.Write("Dockerfile", dockerfile);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LintCommand.Create().Parse(["--file", path, .. args])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Warnings_exit_0_and_are_printed_in_the_compiler_format()
    {
        var (exit, output, _) = await Run("FROM alpine:3.20\nCMD echo hi\n");

        Assert.Equal(0, exit);
        Assert.Contains("(2,1): warning JSONArgsRecommended: JSON arguments recommended for CMD", output, StringComparison.Ordinal);
        Assert.Contains("(1,1): warning SG5012:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_raised_to_error_exits_1()
    {
        var (exit, output, _) = await Run("FROM alpine:3.20\n", "--lint", "SG5012=error");

        Assert.Equal(1, exit);
        Assert.Contains("error SG5012:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_runs_only_the_named_rules_and_skip_turns_rules_off()
    {
        var (_, only, _) = await Run("FROM alpine\nCMD echo hi\n", "--rule", "SG5010", "--format", "json");
        var (_, skipped, _) = await Run("FROM alpine\nCMD echo hi\n", "--skip", "SG5010", "--format", "json");

        using var onlyJson = JsonDocument.Parse(only);
        using var skippedJson = JsonDocument.Parse(skipped);
        Assert.Equal(["SG5010"], onlyJson.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Distinct());
        var rules = skippedJson.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains("JSONArgsRecommended", rules);
        Assert.DoesNotContain("SG5010", rules);
    }

    [Fact]
    public async Task An_unknown_rule_a_bad_format_or_a_Dockerfile_that_would_not_build_exits_2()
    {
        Assert.Equal(2, (await Run("FROM alpine:3.20\n", "--rule", "NoSuchRule")).Exit);
        Assert.Equal(2, (await Run("FROM alpine:3.20\n", "--format", "xml")).Exit);
        var (exit, output, _) = await Run("FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\n");
        Assert.Equal(2, exit);
        Assert.Contains("SG1009", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_stage_name_is_DuplicateStageName_at_its_line_not_an_input_error()
    {
        var (exit, output, _) = await Run("FROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\nUSER 1\n");

        Assert.Equal(0, exit);
        Assert.Contains("(2,1): warning DuplicateStageName: Duplicate stage name \"a\", stage names should be unique", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_output_is_a_SARIF_2_1_0_log()
    {
        var (exit, output, _) = await Run("FROM alpine\n", "--format", "sarif");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
    }
}
