using StageGate.Diagnostics;
using StageGate.Lint;

namespace StageGate.Tests.Lint;

public class LintSettingsTests
{
    private const string Root = "FROM alpine:3.20\nCMD echo hi\n";

    private static List<Diagnostic> Run(string dockerfile, LintSettings settings) =>
        Linter.Run(LintDocument.Parse(dockerfile), settings).Select(r => r.ToDiagnostic()).ToList();

    [Fact]
    public void The_gates_report_unconfigured_rules_as_info_so_an_upgrade_never_fails_a_warnaserror_build()
    {
        var diagnostics = Run(Root, LintSettings.FromPairs(new Dictionary<string, string>(), "--lint", unconfiguredAsInfo: true));

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    [Fact]
    public void A_configured_level_raises_or_silences_a_rule_by_id_or_name_in_any_case()
    {
        var settings = LintSettings.FromPairs(
            new Dictionary<string, string> { ["sg5012"] = "error", ["jsonargsrecommended"] = "off", ["FinalBaseWithoutDigest"] = "Warning" },
            "--lint", unconfiguredAsInfo: true);

        var diagnostics = Run(Root, settings);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Code == "SG5012").Severity);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics, d => d.Code == "SG5011").Severity);
        Assert.DoesNotContain(diagnostics, d => d.Code == "JSONArgsRecommended");
    }

    [Fact]
    public void An_unknown_rule_is_an_input_error_that_suggests_the_nearest_rule()
    {
        var error = Assert.Throws<StageGateException>(() =>
            LintSettings.FromPairs(new Dictionary<string, string> { ["StageNameCasnig"] = "error" }, "--lint", unconfiguredAsInfo: false));

        Assert.Equal("SG1016", error.Diagnostic.Code);
        Assert.Contains("Did you mean 'StageNameCasing'?", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_level_is_an_input_error_that_lists_the_levels()
    {
        var error = Assert.Throws<StageGateException>(() =>
            LintSettings.FromPairs(new Dictionary<string, string> { ["SG5012"] = "fatal" }, "lint in stagegate.json", unconfiguredAsInfo: false));

        Assert.Contains("off, info, warning or error", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_directive_skips_rules_as_BuildKit_does_and_a_configured_level_wins_over_it()
    {
        const string dockerfile = "# check=skip=JSONArgsRecommended,SG5012\nFROM alpine:3.20\nCMD echo hi\n";

        var skipped = Run(dockerfile, new LintSettings());
        var configured = Run(dockerfile, LintSettings.FromPairs(new Dictionary<string, string> { ["SG5012"] = "warning" }, "--lint", false));

        Assert.DoesNotContain(skipped, d => d.Code is "JSONArgsRecommended" or "SG5012");
        Assert.Contains(configured, d => d.Code == "SG5012");
        Assert.DoesNotContain(configured, d => d.Code == "JSONArgsRecommended");
    }

    [Fact]
    public void The_check_directive_skip_all_turns_every_rule_off()
    {
        Assert.Empty(Run("# check=skip=all\nFROM alpine\nCMD echo hi\n", new LintSettings()));
    }

    [Fact]
    public void The_check_directive_error_true_makes_BuildKit_checks_errors_but_not_StageGate_pitfalls()
    {
        var diagnostics = Run("# check=error=true\nFROM alpine:3.20\nCMD echo hi\n", new LintSettings { UnconfiguredAsInfo = true });

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Code == "JSONArgsRecommended").Severity);
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(diagnostics, d => d.Code == "SG5012").Severity);
    }

    [Fact]
    public void An_experimental_check_runs_only_when_the_directive_or_a_rule_option_asks_for_it()
    {
        var rule = LintCatalogue.Find("CopyIgnoredFile")!;

        Assert.Equal(LintLevel.Off, new LintSettings().LevelOf(rule, LintDocument.Parse("FROM alpine:3.20\n")));
        Assert.Equal(LintLevel.Warning, new LintSettings().LevelOf(rule, LintDocument.Parse("# check=experimental=CopyIgnoredFile\nFROM alpine:3.20\n")));
        Assert.Equal(LintLevel.Warning, new LintSettings { Only = new HashSet<string> { "CopyIgnoredFile" } }.LevelOf(rule, LintDocument.Parse("FROM alpine:3.20\n")));
    }

    [Fact]
    public void The_mistyped_stage_rule_SG5001_is_reused_and_stays_a_warning_in_the_gates()
    {
        var diagnostics = Run("FROM alpine:3.20 AS builder\nRUN true\nFROM alpine:3.20\nCOPY --from=buidler /out /out\n", new LintSettings { UnconfiguredAsInfo = true });

        var typo = Assert.Single(diagnostics, d => d.Code == "SG5001");
        Assert.Equal((DiagnosticSeverity.Warning, 4), (typo.Severity, typo.Line));
        Assert.Contains("Did you mean 'builder'?", typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_has_a_unique_id_and_name_and_every_pitfall_a_catalogued_SG5_code()
    {
        Assert.Equal(LintCatalogue.All.Count, LintCatalogue.All.Select(r => r.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(LintCatalogue.All.Count, LintCatalogue.All.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(LintCatalogue.All.Where(r => !r.IsBuildKitCheck), r =>
        {
            Assert.Matches("^SG50[0-9][0-9]$", r.Id);
            Assert.Contains(Codes.All, c => c.Code == r.Id);
        });
    }
}
