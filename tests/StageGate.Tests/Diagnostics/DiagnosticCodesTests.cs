using System.Text.RegularExpressions;
using StageGate.Diagnostics;

namespace StageGate.Tests.Diagnostics;

public class DiagnosticCodesTests
{
    [Fact]
    public void Every_code_is_unique_and_in_its_documented_range()
    {
        Assert.NotEmpty(Codes.All);
        Assert.Equal(Codes.All.Count, Codes.All.Select(c => c.Code).Distinct().Count());
        // SG1xxx configuration and input, SG2xxx environment, SG3xxx stages, SG4xxx budgets, SG5xxx lint; xx000 is no code.
        Assert.All(Codes.All, c => Assert.Matches("^SG[1-5](?!000)[0-9]{3}$", c.Code));
    }

    [Fact]
    public void Every_code_has_a_title_and_texts_that_end_in_exactly_one_period()
    {
        Assert.All(Codes.All, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Title), c.Code);
            Assert.False(c.Title.EndsWith('.'), $"{c.Code}: a title is a heading, without a period");
            foreach (var text in new[] { c.Remedy, c.Explanation }.OfType<string>())
            {
                Assert.True(text.EndsWith('.') && !text.EndsWith("..", StringComparison.Ordinal), $"{c.Code}: '{text}'");
            }
        });
    }

    [Fact]
    public void No_code_promises_a_future_release()
    {
        var promises = Codes.All
            .Where(c => Regex.IsMatch(c.Remedy + " " + c.Explanation, @"\b(later|future|next|upcoming) (release|version)\b", RegexOptions.IgnoreCase))
            .Select(c => c.Code);

        Assert.Empty(promises);
    }

    [Fact]
    public void The_document_has_one_section_per_code_with_its_severity_explanation_and_remedy()
    {
        var document = DiagnosticsDocument.Render();

        Assert.Equal(Codes.All.Count, Regex.Matches(document, "^## SG", RegexOptions.Multiline).Count);
        var code = Codes.MSBuildRuntimeNotSupported;
        Assert.Contains(
            $"## SG2008: {code.Title}\n\nSeverity: warning.\n\n{code.Explanation}\n\n{code.Remedy}\n",
            document,
            StringComparison.Ordinal);
        Assert.Contains($"## SG1001: {Codes.DockerfileNotFound.Title}\n\nSeverity: error.\n\n{Codes.DockerfileNotFound.Remedy}\n", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_diagnostics_md_is_generated_from_the_catalogue() =>
        GeneratedDocument.AssertUpToDate(
            DiagnosticsDocument.RelativePath, DiagnosticsDocument.Render(), "src/StageGate/Diagnostics/Codes.cs", nameof(DiagnosticCodesTests));

    [Fact]
    public void A_diagnostic_with_a_line_renders_in_the_format_IDEs_make_clickable()
    {
        var diagnostic = Codes.TestStepFailed.Create("step failed", "/src/Dockerfile", 14);
        Assert.Equal("/src/Dockerfile(14,1): error SG3001: step failed", diagnostic.ToString());
    }
}
