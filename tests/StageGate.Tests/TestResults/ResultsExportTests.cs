using StageGate.Diagnostics;
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
}
