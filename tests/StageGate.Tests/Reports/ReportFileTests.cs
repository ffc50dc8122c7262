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
}
