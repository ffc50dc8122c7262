using StageGate.Diagnostics;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

public class ReportFileTests
{
    [Fact]
    public async Task A_report_path_that_cannot_be_written_is_a_coded_error_naming_the_path()
    {
        var file = Path.GetTempFileName();
        try
        {
            // A file standing where the report's folder should be.
            var path = Path.Combine(file, "report.json");

            var error = await Assert.ThrowsAsync<StageGateException>(() => ReportFile.WriteAsync(path, "{}"));

            Assert.Equal("SG2009", error.Code);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_report_is_written_with_its_missing_folders_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), "stagegate-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "nested", "report.json");

            await ReportFile.WriteAsync(path, "{\"schemaVersion\":1}");

            Assert.Equal("{\"schemaVersion\":1}", await File.ReadAllTextAsync(path));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_report_that_cannot_replace_its_path_leaves_the_old_file_there_and_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("stagegate-report-").FullName;
        try
        {
            // A folder standing at the report's path: the rename fails after the content was written in full.
            var path = Path.Combine(folder, "report.json");
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "keep.txt"), "kept");

            var error = await Assert.ThrowsAsync<StageGateException>(() => ReportFile.WriteAsync(path, "{\"schemaVersion\":1}"));

            Assert.Equal("SG2009", error.Code);
            Assert.Equal([path], Directory.GetFileSystemEntries(folder));
            Assert.Equal("kept", File.ReadAllText(Path.Combine(path, "keep.txt")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
