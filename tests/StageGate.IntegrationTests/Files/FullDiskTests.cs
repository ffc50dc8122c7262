using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.IntegrationTests.Files;

/// <summary>On a disk that is really full, a report or bake file is written whole or not at all, with a coded error.</summary>
public sealed class FullDiskTests(ITestOutputHelper output)
{
    private const string Baseline = """
        { "schemaVersion": 1, "finalImage": { "target": "final", "outcome": "passed", "sizeBytes": 763000 } }

        """;

    // Larger than any free space the filled disk has left, as a real report is.
    private static readonly string NewReport = "{\"schemaVersion\":1,\"padding\":\"" + new string('x', 16 * 1024) + "\"}\n";

    [Fact]
    public async Task A_report_written_over_its_baseline_on_a_full_disk_is_SG2009_and_leaves_the_baseline_intact()
    {
        await using var disk = await SmallDisk.MountAsync(output);
        if (disk is null)
        {
            return;
        }
        var path = Path.Combine(disk.Path, "baseline.json");
        await File.WriteAllTextAsync(path, Baseline);
        var filler = disk.Fill();

        var error = await Assert.ThrowsAsync<StageGateException>(() => ReportFile.WriteAsync(path, NewReport));

        Assert.Equal("SG2009", error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(Baseline, await File.ReadAllTextAsync(path));
        Assert.Equal(763000, ReportJson.ReadBaselineSize(path));
        Assert.Equal([path, filler], Directory.GetFileSystemEntries(disk.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_report_on_a_full_disk_is_SG2009_and_leaves_no_empty_file()
    {
        await using var disk = await SmallDisk.MountAsync(output);
        if (disk is null)
        {
            return;
        }
        var filler = disk.Fill();
        var path = Path.Combine(disk.Path, "report.json");

        var error = await Assert.ThrowsAsync<StageGateException>(() => ReportFile.WriteAsync(path, NewReport));

        Assert.Equal("SG2009", error.Code);
        Assert.Equal([filler], Directory.GetFileSystemEntries(disk.Path));
    }

    [Fact]
    public async Task A_bake_file_in_a_full_temp_folder_is_SG2011_and_leaves_no_empty_file()
    {
        await using var disk = await SmallDisk.MountAsync(output);
        if (disk is null)
        {
            return;
        }
        var filler = disk.Fill();
        var bakeFile = Path.Combine(disk.Path, "stagegate.bake.json");

        var error = await Assert.ThrowsAsync<StageGateException>(() => GatePipeline.WriteBakeFileAsync(bakeFile, NewReport, CancellationToken.None));

        Assert.Equal("SG2011", error.Code);
        Assert.Equal([filler], Directory.GetFileSystemEntries(disk.Path));
    }
}
