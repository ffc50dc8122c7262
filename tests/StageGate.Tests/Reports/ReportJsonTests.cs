using System.Text.Json;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

public sealed class ReportJsonTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("stagegate-report-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Save(string json, string name = "report.json")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_report_has_schema_version_1_and_camel_case_members()
    {
        using var json = JsonDocument.Parse(ReportJson.Write(SampleResults.Passing()));

        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(763_412, json.RootElement.GetProperty("finalImage").GetProperty("sizeBytes").GetInt64());
        Assert.Equal("763kB", json.RootElement.GetProperty("finalImage").GetProperty("size").GetString());
        Assert.Equal("passed", json.RootElement.GetProperty("testStages")[0].GetProperty("outcome").GetString());
        Assert.Equal("couldNotMeasure", JsonDocument.Parse(ReportJson.Write(SampleResults.CouldNotMeasure()))
            .RootElement.GetProperty("budgets")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public void The_report_keeps_text_readable_instead_of_escaping_it_for_HTML()
    {
        var json = ReportJson.Write(SampleResults.Passing());

        Assert.Contains("\"RUN apk add --no-cache libstdc++\"", json, StringComparison.Ordinal);
        Assert.Contains("— within the 1MB budget", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_is_reusable_as_a_later_runs_baseline()
    {
        var path = Save(ReportJson.Write(SampleResults.Passing()));

        Assert.Equal(763_412, ReportJson.ReadBaselineSize(path));
    }

    [Fact]
    public void A_hand_written_baseline_needs_only_the_schema_version_and_the_size()
    {
        var path = Save("""{ "schemaVersion": 1, "finalImage": { "sizeBytes": 1000 } }""");

        Assert.Equal(1000, ReportJson.ReadBaselineSize(path));
    }

    [Fact]
    public void A_missing_baseline_is_SG1014_naming_the_path()
    {
        var path = Path.Combine(folder, "nope.json");

        var error = Assert.Throws<StageGateException>(() => ReportJson.ReadBaselineSize(path));

        Assert.Equal("SG1014", error.Code);
        Assert.Equal(path, error.Diagnostic.File);
        Assert.Contains($"'{path}' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_that_is_not_JSON_is_SG1014_with_its_line()
    {
        var path = Save("{\n  \"schemaVersion\": 1,\n  oops\n}");

        var error = Assert.Throws<StageGateException>(() => ReportJson.ReadBaselineSize(path));

        Assert.Equal("SG1014", error.Code);
        Assert.Equal(3, error.Diagnostic.Line);
        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_without_a_size_is_SG1014()
    {
        var path = Save("""{ "schemaVersion": 1, "finalImage": { "target": "runtime" } }""");

        var error = Assert.Throws<StageGateException>(() => ReportJson.ReadBaselineSize(path));

        Assert.Equal("SG1014", error.Code);
        Assert.Contains("has no measured size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_whose_run_could_not_measure_the_image_explains_that_it_has_no_measured_size()
    {
        var path = Save(ReportJson.Write(SampleResults.CouldNotMeasure()));

        var error = Assert.Throws<StageGateException>(() => ReportJson.ReadBaselineSize(path));

        Assert.Equal("SG1014", error.Code);
        Assert.Equal(
            $"Baseline report '{path}' has no measured size: its run built the final image but could not measure it. Use a report from a run that measured the final image.",
            error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_StageGate_report_is_SG1014()
    {
        var path = Save("""{ "name": "package.json" }""");

        var error = Assert.Throws<StageGateException>(() => ReportJson.ReadBaselineSize(path));

        Assert.Contains("is not a StageGate report: it has no schemaVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrongly_typed_member_is_SG1014_naming_where_it_is()
    {
        var path = Save("""{ "schemaVersion": 1, "finalImage": { "sizeBytes": "big" } }""");

        var error = Assert.Throws<StageGateException>(() => ReportJson.ReadBaselineSize(path));

        Assert.Equal("SG1014", error.Code);
        Assert.Contains("finalImage.sizeBytes should be a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_from_a_newer_StageGate_is_refused_rather_than_misread()
    {
        var path = Save("""{ "schemaVersion": 2, "finalImage": { "sizeBytes": 1000 } }""");

        var error = Assert.Throws<StageGateException>(() => ReportJson.ReadBaselineSize(path));

        Assert.Contains("schemaVersion 2, written by a newer StageGate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_outcome_is_SG1014_listing_the_known_ones()
    {
        var path = Save("""{ "schemaVersion": 1, "finalImage": { "outcome": "1" } }""");

        var error = Assert.Throws<StageGateException>(() => ReportJson.ReadBaselineSize(path));

        Assert.Contains("finalImage.outcome should be one of \"passed\", \"failed\", \"couldNotMeasure\", \"notRun\"", error.Message, StringComparison.Ordinal);
    }
}
