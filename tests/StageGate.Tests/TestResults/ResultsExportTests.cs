using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using StageGate.Gates;
using StageGate.TestResults;

namespace StageGate.Tests.TestResults;

public sealed class ResultsExportTests
{
    [Theory]
    [InlineData("/results", "/result[s]/")]
    [InlineData("/src/TestResults/", "/src/TestResult[s]/")]
    public void The_export_copies_the_folder_through_a_glob_so_a_missing_folder_copies_nothing(string path, string source)
    {
        Assert.Equal(source, ResultsExport.GlobSource(path));
    }

    [Theory]
    [InlineData("results")]
    [InlineData("/")]
    [InlineData("/res*")]
    public void A_relative_root_or_glob_results_folder_is_an_input_error(string path)
    {
        var error = Assert.Throws<StageGateException>(() => ResultsExport.RequireExportable(path));

        Assert.Equal("SG1016", error.Diagnostic.Code);
    }

    [Fact]
    public void Delivering_results_never_empties_a_folder_StageGate_did_not_make()
    {
        var folder = Directory.CreateTempSubdirectory("stagegate-deliver-").FullName;
        try
        {
            var userFiles = Path.Combine(folder, "test");
            Directory.CreateDirectory(userFiles);
            File.WriteAllText(Path.Combine(userFiles, "CalcTests.cs"), "// the user's source");
            var export = ExportOf(folder, "exported");

            var error = Assert.Throws<StageGateException>(() => export.Deliver(folder));

            Assert.Equal(Codes.ReportNotWritten.Code, error.Code);
            Assert.True(File.Exists(Path.Combine(userFiles, "CalcTests.cs")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_second_delivery_replaces_the_first_so_old_results_never_pass_for_new_ones()
    {
        var folder = Directory.CreateTempSubdirectory("stagegate-deliver-").FullName;
        try
        {
            var first = ExportOf(folder, "first");
            File.WriteAllText(Path.Combine(first.Folder, "old.xml"), "<testsuite/>");
            first.Deliver(Path.Combine(folder, "results"));
            var second = ExportOf(folder, "second");
            File.WriteAllText(Path.Combine(second.Folder, "exit-code"), "0");

            var delivered = second.Deliver(Path.Combine(folder, "results"));

            Assert.NotNull(delivered);
            Assert.False(File.Exists(Path.Combine(delivered, "old.xml")));
            Assert.True(File.Exists(Path.Combine(delivered, "exit-code")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ResultsExport ExportOf(string folder, string exported)
    {
        var dockerfile = Dockerfile.Parse("FROM busybox AS test\nRUN true\nFROM busybox AS final\n");
        var exportFolder = Path.Combine(folder, exported);
        Directory.CreateDirectory(exportFolder);
        var test = new BuildTarget(dockerfile.Stages[0], TargetRole.Test, "test", null);
        return new ResultsExport(test, "stagegate-export-results", "test-results", exportFolder);
    }
}
