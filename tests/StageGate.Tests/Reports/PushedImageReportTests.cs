using System.Text.Json;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

/// <summary>A pushed image's reports give both sizes, always named, and its compressed sizes per platform; the JSON report is a per-platform baseline.</summary>
public sealed class PushedImageReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-pushed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly PlatformSize Amd64 = new("linux/amd64", "sha256:" + new string('a', 64), 1_376_596);
    private static readonly PlatformSize Arm64 = new("linux/arm64", "sha256:" + new string('b', 64), 1_290_000);

    private static GateResult MultiPlatform(params BudgetResult[] budgets) => SampleResults.Passing() with
    {
        FinalImage = SampleResults.Passing().FinalImage! with
        {
            ImageId = null,
            SizeBytes = null,
            Layers = [],
            BuilderSizeBytes = null,
            Digest = "registry.example:5000/team/app:1@sha256:" + new string('f', 64),
            CompressedSizeBytes = Amd64.CompressedSizeBytes,
            Platforms = [Amd64, Arm64],
        },
        Budgets = budgets,
    };

    private static BudgetResult Compressed(PlatformSize platform, GateOutcome outcome) =>
        new(BudgetKind.Size, outcome, "1.3MB") { Metric = SizeMetric.Compressed, Platform = platform.Platform, MeasuredBytes = platform.CompressedSizeBytes, LimitBytes = 1_300_000 };

    [Fact]
    public void The_summary_line_gives_each_platforms_compressed_size_against_the_budget()
    {
        var line = RunSummary.For(MultiPlatform(Compressed(Amd64, GateOutcome.Failed), Compressed(Arm64, GateOutcome.Passed)));

        Assert.Equal("StageGate: tests passed (1 stage), final image linux/amd64 1.38MB compressed over its 1.3MB budget, linux/arm64 1.29MB compressed ≤ 1.3MB budget", line);
    }

    [Fact]
    public void The_summary_line_of_a_single_platform_push_names_both_sizes()
    {
        var result = SampleResults.Passing() with
        {
            FinalImage = SampleResults.Passing().FinalImage! with { BuilderSizeBytes = null, CompressedSizeBytes = 410_000, Platforms = [new PlatformSize(null, "sha256:" + new string('c', 64), 410_000)] },
            Budgets = [],
        };

        Assert.Equal("StageGate: tests passed (1 stage), final image 763kB uncompressed, 410kB compressed", RunSummary.For(result));
    }

    [Fact]
    public void Each_platforms_verdict_says_compressed_and_its_platform_in_the_text_markdown_and_junit_reports()
    {
        var result = MultiPlatform(Compressed(Amd64, GateOutcome.Failed), Compressed(Arm64, GateOutcome.Passed));

        var text = TextReport.Render(result);
        var markdown = MarkdownReport.Render(result);
        var junit = JUnitReport.Render(result);

        Assert.Contains("✗ Compressed size (linux/amd64): 1.38MB — over the 1.3MB budget by 76.6kB", text, StringComparison.Ordinal);
        Assert.Contains("final image 'runtime': compressed linux/amd64 1.38MB, linux/arm64 1.29MB", text, StringComparison.Ordinal);
        Assert.Contains("pushed as registry.example:5000/team/app:1@sha256:", text, StringComparison.Ordinal);
        Assert.Contains("| Compressed size budget <code>1.3MB</code> <code>linux/arm64</code> | ✅ passed | Compressed size (linux/arm64): 1.29MB — within the 1.3MB budget, 10kB to spare |", markdown, StringComparison.Ordinal);
        Assert.Contains("name=\"compressed size budget 1.3MB (linux/amd64)\"", junit, StringComparison.Ordinal);
        Assert.Contains("name=\"compressed size budget 1.3MB (linux/arm64)\"", junit, StringComparison.Ordinal);
    }

    [Fact]
    public void Measuring_a_pushed_index_names_the_platform_over_its_compressed_budget()
    {
        var image = MultiPlatform().FinalImage! with { Target = "registry.example:5000/team/app:1" };
        var verdicts = new[] { Compressed(Amd64, GateOutcome.Failed), Compressed(Arm64, GateOutcome.Passed) };

        var line = RunSummary.For(new MeasureResult(image, verdicts[0]) { Budgets = verdicts });

        Assert.Equal("StageGate: image registry.example:5000/team/app:1 is compressed linux/amd64 1.38MB, linux/arm64 1.29MB, over budget: compressed size budget 1.3MB (linux/amd64)", line);
        Assert.False(new MeasureResult(image, verdicts[0]) { Budgets = verdicts }.Passed);
    }

    [Fact]
    public void The_json_report_records_each_platform_and_the_metric_of_each_verdict()
    {
        using var json = JsonDocument.Parse(ReportJson.Write(MultiPlatform(Compressed(Amd64, GateOutcome.Failed))));

        var final = json.RootElement.GetProperty("finalImage");
        Assert.Equal(JsonValueKind.Null, final.GetProperty("sizeBytes").ValueKind);
        Assert.Equal(1_376_596, final.GetProperty("compressedSizeBytes").GetInt64());
        Assert.Equal(["linux/amd64", "linux/arm64"], final.GetProperty("platforms").EnumerateArray().Select(p => p.GetProperty("platform").GetString()));
        var budget = json.RootElement.GetProperty("budgets")[0];
        Assert.Equal("compressed", budget.GetProperty("metric").GetString());
        Assert.Equal("linux/amd64", budget.GetProperty("platform").GetString());
    }

    [Fact]
    public void A_report_is_a_later_runs_compressed_baseline_per_platform()
    {
        var path = Path.Combine(_folder, "report.json");
        File.WriteAllText(path, ReportJson.Write(MultiPlatform()));

        var baseline = ReportJson.ReadCompressedBaseline(path);

        Assert.Equal(new Dictionary<string, long> { ["linux/amd64"] = 1_376_596, ["linux/arm64"] = 1_290_000 }, baseline);
    }

    [Fact]
    public void A_report_written_before_compressed_sizes_is_an_uncompressed_baseline_and_no_compressed_one()
    {
        var path = Path.Combine(_folder, "old.json");
        File.WriteAllText(path, """{ "schemaVersion": 1, "finalImage": { "sizeBytes": 1000 } }""");

        var error = Assert.Throws<StageGate.Diagnostics.StageGateException>(() => ReportJson.ReadCompressedBaseline(path));
        Assert.Equal(StageGate.Diagnostics.Codes.BaselineUnreadable.Code, error.Code);
        Assert.Equal(1000, ReportJson.ReadBaselineSize(path));
    }
}
