using StageGate.Diagnostics;

namespace StageGate.Tests.Diagnostics;

public class DiagnosticCodesTests
{
    [Fact]
    public void Every_code_is_unique_and_in_its_documented_range()
    {
        Assert.NotEmpty(Codes.All);
        Assert.Equal(Codes.All.Count, Codes.All.Select(c => c.Code).Distinct().Count());
        Assert.All(Codes.All, c => Assert.Matches("^SG[1-5][0-9]{3}$", c.Code));
    }

    [Fact]
    public void Every_code_is_documented_in_docs_diagnostics_md()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "diagnostics.md"));
        var missing = Codes.All.Where(c => !docs.Contains($"## {c.Code}", StringComparison.Ordinal)).Select(c => c.Code).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void A_diagnostic_with_a_line_renders_in_the_format_IDEs_make_clickable()
    {
        var diagnostic = Codes.TestStepFailed.Create("step failed", "/src/Dockerfile", 14);
        Assert.Equal("/src/Dockerfile(14,1): error SG3001: step failed", diagnostic.ToString());
    }
}
