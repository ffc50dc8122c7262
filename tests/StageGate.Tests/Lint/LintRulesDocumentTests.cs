using StageGate.Lint;

namespace StageGate.Tests.Lint;

public class LintRulesDocumentTests
{
    [Fact]
    public void Docs_lint_md_is_generated_from_the_rule_catalogue() =>
        GeneratedDocument.AssertUpToDate(LintRulesDocument.RelativePath, LintRulesDocument.Render(), "src/StageGate/Lint/LintCatalogue.cs", nameof(LintRulesDocumentTests));

    [Fact]
    public void Every_rule_has_a_section_under_the_anchor_its_SARIF_helpUri_names()
    {
        var document = LintRulesDocument.Render();

        Assert.All(LintCatalogue.All, rule =>
        {
            Assert.Contains($"\n### {rule.Id}\n", document, StringComparison.Ordinal);
            Assert.Equal(rule.Id.ToLowerInvariant(), rule.DocsAnchor);
        });
    }
}
