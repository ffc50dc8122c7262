using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;
using StageGate.Tests.Context;

namespace StageGate.Tests.Gates;

/// <summary>Planning finds every input error before docker runs, and picks the test and final stages.</summary>
public sealed class GatePlanTests : IDisposable
{
    private const string TestAndFinal = """
        FROM busybox AS builder
        RUN echo hello > /out.txt

        FROM builder AS test
        RUN test -f /out.txt

        FROM busybox AS final
        COPY --from=builder /out.txt /out.txt
        """;

    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    private TestOptions Options(string dockerfile = TestAndFinal) => new()
    {
        Dockerfile = _context.Write("Dockerfile", dockerfile),
        UseConfigurationFile = false,
    };

    private static StageGateException Rejects(TestOptions options) =>
        Assert.Throws<StageGateException>(() => GatePlan.Create(options));

    [Fact]
    public void A_missing_dockerfile_is_SG1001_naming_its_path()
    {
        var missing = _context.Full("nope/Dockerfile");

        var error = Rejects(new TestOptions { Dockerfile = missing });

        Assert.Equal("SG1001", error.Code);
        Assert.Equal(missing, error.Diagnostic.File);
    }

    [Fact]
    public void An_unknown_test_target_is_SG1008_suggesting_the_nearest_stage()
    {
        var error = Rejects(Options() with { TestTargets = ["tset"] });

        Assert.Equal("SG1008", error.Code);
        Assert.Contains("Did you mean 'test'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_final_target_is_SG1008()
    {
        Assert.Equal("SG1008", Rejects(Options() with { FinalTarget = "prod" }).Code);
    }

    [Fact]
    public void An_unnamed_test_stage_that_is_not_the_last_is_SG1008_at_its_from_line()
    {
        const string unnamed = """
            FROM busybox
            RUN true

            FROM busybox AS final
            RUN true
            """;

        var error = Rejects(Options(unnamed) with { TestTargets = ["0"] });

        Assert.Equal("SG1008", error.Code);
        Assert.Equal(1, error.Diagnostic.Line);
    }

    [Fact]
    public void A_budget_that_is_not_a_size_is_SG1012()
    {
        Assert.Equal("SG1012", Rejects(Options() with { SizeBudget = "12XB" }).Code);
    }

    [Fact]
    public void A_growth_budget_without_a_baseline_is_SG1013()
    {
        Assert.Equal("SG1013", Rejects(Options() with { GrowthBudget = "5%" }).Code);
    }

    [Fact]
    public void A_growth_budget_whose_baseline_file_is_missing_is_SG1014()
    {
        var error = Rejects(Options() with { GrowthBudget = "5%", Baseline = _context.Full("no-such-report.json") });

        Assert.Equal("SG1014", error.Code);
    }

    [Fact]
    public void A_secret_read_from_an_unset_environment_variable_is_SG1016_naming_the_variable()
    {
        var variable = "STAGEGATE_UNSET_" + Guid.NewGuid().ToString("N");

        var error = Rejects(Options() with { Secrets = [new BuildSecret("npm", Environment: variable)] });

        Assert.Equal("SG1016", error.Code);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_read_from_a_missing_file_is_SG1016()
    {
        var error = Rejects(Options() with { Secrets = [new BuildSecret("npm", File: _context.Full("missing.token"))] });

        Assert.Equal("SG1016", error.Code);
    }

    [Fact]
    public void A_baseline_that_is_a_device_with_no_end_is_SG1014_naming_the_limit()
    {
        var error = Rejects(Options() with { GrowthBudget = "5%", Baseline = "/dev/zero" });

        Assert.Equal("SG1014", error.Code);
        Assert.Contains("larger than 16 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Dockerfile_that_is_a_device_with_no_end_is_SG1002_naming_the_limit()
    {
        var error = Rejects(Options() with { Dockerfile = "/dev/zero" });

        Assert.Equal("SG1002", error.Code);
        Assert.Contains("larger than 1 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_file_over_the_500_KiB_buildkit_takes_is_SG1016_naming_the_limit()
    {
        var secret = _context.Write("big.token", new string('x', 500 * 1024 + 1));

        var error = Rejects(Options() with { Secrets = [new BuildSecret("npm", File: secret)] });

        Assert.Equal("SG1016", error.Code);
        Assert.Contains("larger than 500 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_file_that_is_a_device_with_no_end_is_SG1016()
    {
        var error = Rejects(Options() with { Secrets = [new BuildSecret("npm", File: "/dev/zero")] });

        Assert.Equal("SG1016", error.Code);
    }

    [Fact]
    public void A_missing_context_folder_is_SG1011()
    {
        Assert.Equal("SG1011", Rejects(Options() with { Context = _context.Full("no-such-folder") }).Code);
    }

    [Fact]
    public void The_stage_named_test_is_the_test_stage_when_none_is_given()
    {
        var plan = GatePlan.Create(Options());

        Assert.Equal(new[] { "test" }, plan.TestStages.Select(s => s.DisplayName));
    }

    [Fact]
    public void The_last_stage_is_the_final_stage_when_none_is_given()
    {
        Assert.Equal("final", GatePlan.Create(Options()).FinalStage.DisplayName);
    }

    [Fact]
    public void Given_test_targets_replace_the_stage_named_test()
    {
        const string twoSuites = """
            FROM busybox AS test
            RUN true
            FROM busybox AS lint
            RUN true
            FROM busybox AS final
            RUN true
            """;

        var plan = GatePlan.Create(Options(twoSuites) with { TestTargets = ["LINT"] });

        Assert.Equal(new[] { "lint" }, plan.TestStages.Select(s => s.DisplayName));
    }

    [Fact]
    public void A_test_stage_the_final_stage_does_not_need_is_pointed_out_with_SG3002_at_its_line()
    {
        var plan = GatePlan.Create(Options());

        var warning = Assert.Single(plan.Warnings, w => w.Code == "SG3002");
        Assert.Equal(4, warning.Line);
        Assert.False(warning.IsError);
    }

    [Fact]
    public void A_test_stage_the_final_stage_copies_from_raises_no_SG3002()
    {
        const string chained = """
            FROM busybox AS test
            RUN echo ok > /ok
            FROM busybox AS final
            COPY --from=test /ok /ok
            """;

        Assert.DoesNotContain(GatePlan.Create(Options(chained)).Warnings, w => w.Code == "SG3002");
    }

    [Fact]
    public void A_dockerfile_without_a_test_stage_is_warned_about_with_SG3003()
    {
        const string noTests = """
            FROM busybox AS app
            RUN true
            """;

        var plan = GatePlan.Create(Options(noTests));

        Assert.Empty(plan.TestStages);
        Assert.Equal("SG3003", Assert.Single(plan.Warnings, w => w.Severity == DiagnosticSeverity.Warning).Code);
    }

    [Fact]
    public void Lint_findings_join_the_plan_as_info_unless_a_rule_is_configured()
    {
        const string rootFinal = """
            FROM busybox:1.36 AS test
            RUN true
            FROM busybox:1.36
            CMD echo hi
            """;

        var unconfigured = GatePlan.Create(Options(rootFinal));
        var configured = GatePlan.Create(Options(rootFinal) with { Lint = new Dictionary<string, string> { ["SG5012"] = "error", ["JSONArgsRecommended"] = "off" } });

        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(unconfigured.Warnings, w => w.Code == "SG5012").Severity);
        Assert.Equal(4, Assert.Single(unconfigured.Warnings, w => w.Code == "JSONArgsRecommended").Line);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(configured.Warnings, w => w.Code == "SG5012").Severity);
        Assert.DoesNotContain(configured.Warnings, w => w.Code == "JSONArgsRecommended");
    }

    [Fact]
    public void A_lint_rule_raised_to_error_is_a_verdict_that_exits_1_not_an_input_error()
    {
        var error = new Diagnostic(DiagnosticSeverity.Error, "SG5012", "root");

        Assert.Equal(ExitCodes.GateFailed, ExitCodes.For([error]));
        Assert.Equal(ExitCodes.GateFailed, ExitCodes.For([error with { Code = "StageNameCasing" }]));
        Assert.Equal(ExitCodes.InputOrEnvironmentError, ExitCodes.For([error with { Code = "SG1016" }]));
    }

    [Fact]
    public void The_builder_stage_is_the_one_the_final_stage_copies_from()
    {
        Assert.Equal("builder", GatePlan.Create(Options()).BuilderStage?.DisplayName);
    }

    [Fact]
    public void The_final_image_is_tagged_after_the_context_folder_and_the_stage()
    {
        var plan = GatePlan.Create(Options());

        Assert.Matches($"^stagegate/{System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(_context.Path).ToLowerInvariant())}-[0-9a-f]{{8}}:final$", plan.FinalTag);
    }

    [Fact]
    public void Two_dockerfiles_sharing_a_context_never_share_an_image_tag()
    {
        var first = GatePlan.Create(Options());
        var otherDockerfile = Path.Combine(_context.Path, "Other.Dockerfile");
        File.Copy(first.DockerfilePath, otherDockerfile);

        var second = GatePlan.Create(Options() with { Dockerfile = otherDockerfile, Context = _context.Path });

        Assert.NotEqual(first.FinalTag, second.FinalTag);
    }

    [Fact]
    public void A_given_tag_names_the_final_image()
    {
        Assert.Equal("me/app:1.0", GatePlan.Create(Options() with { Tags = ["me/app:1.0", "me/app:latest"] }).FinalTag);
    }

    [Fact]
    public void A_malformed_dockerignore_is_SG1010_at_its_line_when_a_target_copies_from_the_context()
    {
        var ignore = _context.Write(".dockerignore", "obj/\n[\n");

        var error = Rejects(Options(TestAndFinal + "\nCOPY app.txt /app.txt\n"));

        Assert.Equal(("SG1010", ignore, 2), (error.Code, error.Diagnostic.File, error.Diagnostic.Line));
    }

    [Fact]
    public void A_malformed_dockerignore_of_the_dockerfile_is_SG1010_at_its_line_too()
    {
        _context.Write(".dockerignore", "obj/\n");
        var options = Options(TestAndFinal + "\nCOPY app.txt /app.txt\n");
        var own = _context.Write("Dockerfile.dockerignore", "[\n");

        var error = Rejects(options);

        Assert.Equal(("SG1010", own, 1), (error.Code, error.Diagnostic.File, error.Diagnostic.Line));
    }

    [Fact]
    public void A_malformed_dockerignore_does_not_fail_a_plan_whose_targets_never_send_the_context()
    {
        _context.Write(".dockerignore", "[\n");

        // buildx accepts it too: BuildKit reads .dockerignore only when it loads the context.
        Assert.Equal("final", GatePlan.Create(Options()).FinalStage.Name);
    }

    [Fact]
    public void A_malformed_dockerignore_does_not_fail_a_plan_when_only_an_unbuilt_stage_sends_the_context()
    {
        _context.Write(".dockerignore", "[\n");

        var plan = GatePlan.Create(Options(TestAndFinal + "\nFROM busybox AS docs\nCOPY . /docs\n") with { FinalTarget = "final" });

        Assert.Equal("final", plan.FinalStage.Name);
    }

    [Fact]
    public void A_copy_from_a_mistyped_stage_is_a_plan_warning_at_the_dockerfile_line()
    {
        var plan = GatePlan.Create(Options(TestAndFinal + "\nCOPY --from=biulder /out.txt /copy.txt\n"));

        var warning = Assert.Single(plan.Warnings, w => w.Code == Codes.MistypedStageName.Code);
        Assert.Equal((plan.DockerfilePath, 9), (warning.File, warning.Line));
        Assert.Contains("Did you mean 'builder'?", warning.Message, StringComparison.Ordinal);
    }
}
