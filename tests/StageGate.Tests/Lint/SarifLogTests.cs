using System.Text.Json;
using Json.Schema;
using StageGate.Lint;
using StageGate.Tests.Context;

namespace StageGate.Tests.Lint;

/// <summary>The SARIF StageGate writes, held to what GitHub code scanning requires of an upload.</summary>
public sealed class SarifLogTests : IDisposable
{
    private readonly TempContext _repository = new();

    public void Dispose() => _repository.Dispose();

    private string Sarif(string dockerfile)
    {
        var path = _repository.Write("services/api/Dockerfile", dockerfile);
        var document = LintDocument.Load(path);
        var run = new LintRun(document, Linter.Run(document, new LintSettings()), []);
        return SarifLog.Render(run, _repository.Path);
    }

    [Fact]
    public void The_log_meets_every_property_code_scanning_requires()
    {
        var sarif = Sarif("FROM node AS Build\nCOPY . .\nRUN npm ci\nFROM alpine:3.20\nCMD echo hi\n");
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "StageGate.Tests", "Lint", "sarif-code-scanning.schema.json")));

        var evaluation = schema.Evaluate(JsonDocument.Parse(sarif).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_own_schema_rejects_a_result_without_a_region_end_so_the_check_above_can_fail()
    {
        var sarif = Sarif("FROM alpine\n").Replace("\"endColumn\"", "\"endColumnMissing\"", StringComparison.Ordinal);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "StageGate.Tests", "Lint", "sarif-code-scanning.schema.json")));

        Assert.False(schema.Evaluate(JsonDocument.Parse(sarif).RootElement).IsValid);
    }

    [Fact]
    public void Each_result_names_a_rule_of_the_driver_at_its_index_and_points_at_the_file_relative_to_the_repository()
    {
        using var json = JsonDocument.Parse(Sarif("FROM alpine\nWORKDIR app\n"));
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();

        Assert.NotEmpty(results);
        Assert.All(results, result =>
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()]);
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("services/api/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        });
        var workdir = results.Single(r => r.GetProperty("ruleId").GetString() == "WorkdirRelativePath");
        var region = workdir.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((2, 1, 2, "WORKDIR app".Length + 1),
            (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void A_finding_keeps_its_fingerprint_when_lines_above_it_change()
    {
        static string Fingerprint(string sarif, string rule)
        {
            using var json = JsonDocument.Parse(sarif);
            return json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Single(r => r.GetProperty("ruleId").GetString() == rule)
                .GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!;
        }

        var before = Fingerprint(Sarif("FROM alpine:3.20\nWORKDIR app\n"), "WorkdirRelativePath");
        var after = Fingerprint(Sarif("FROM alpine:3.20\nLABEL a=b\n\nWORKDIR app\n"), "WorkdirRelativePath");

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_rule_spanning_continuation_lines_covers_all_of_them()
    {
        using var json = JsonDocument.Parse(Sarif("FROM alpine:3.20\nCMD echo \\\n  hello\n"));
        var region = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "JSONArgsRecommended")
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

        Assert.Equal((2, 3, "  hello".Length + 1), (region.GetProperty("startLine").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }
}
