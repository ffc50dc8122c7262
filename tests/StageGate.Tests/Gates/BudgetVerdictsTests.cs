using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;
using StageGate.Tests.Context;
using StageGate.Tests.Reports;
using StageGate.Reports;

namespace StageGate.Tests.Gates;

/// <summary>A budget that was set is checked or fails the run: an unmeasured size or an empty baseline is never a pass.</summary>
public sealed class BudgetVerdictsTests : IDisposable
{
    private const string Tag = "registry.example:5000/team/app:1";
    private static readonly string Manifest = "sha256:" + new string('a', 64);
    private static readonly string Config = "sha256:" + new string('c', 64);

    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    private GateOptions Pushing(string? growth = null, string? baseline = null) =>
        ((GateOptions)new TestOptions
        {
            Dockerfile = _context.Write("Dockerfile", PlanDockerfiles.TestAndFinal),
            Tags = [Tag],
            GrowthBudget = growth,
            Baseline = baseline,
            UseConfigurationFile = false,
        }).With(OptionTable.Push, true).With(OptionTable.CompressedSizeBudget, "10MB");

    private string Baseline(params PlatformSize[] platforms)
    {
        var result = SampleResults.Passing() with { FinalImage = SampleResults.Passing().FinalImage! with { Platforms = platforms } };
        return _context.Write("baseline.json", ReportJson.Write(result));
    }

    [Fact]
    public void A_compressed_budget_nothing_was_read_for_fails_the_run_with_SG4003_as_an_error()
    {
        var plan = GatePlan.Create(Pushing());
        var diagnostics = new List<Diagnostic>();

        var budgets = BudgetVerdicts.Decide(plan, new FinalImageResult { Target = "final", Outcome = GateOutcome.Passed, SizeBytes = 1000 }, diagnostics);

        Assert.Equal(GateOutcome.CouldNotMeasure, Assert.Single(budgets).Outcome);
        var error = Assert.Single(diagnostics);
        Assert.Equal((Codes.CouldNotMeasure.Code, DiagnosticSeverity.Error), (error.Code, error.Severity));
        Assert.Equal(ExitCodes.InputOrEnvironmentError, ExitCodes.For(diagnostics));
    }

    [Fact]
    public void A_push_whose_metadata_names_only_the_image_id_is_not_read_as_a_manifest_and_fails_a_compressed_budget()
    {
        var plan = GatePlan.Create(Pushing());
        var imageIdOnly = new TargetOutcome(GateOutcome.Passed, TimeSpan.Zero, null) { ImageId = Config, Metadata = new BuildResult(Config) { Digest = Config, HasConfigDigest = true } };
        var pushed = new TargetOutcome(GateOutcome.Passed, TimeSpan.Zero, null) { ImageId = Config, Metadata = new BuildResult(Config) { Digest = Manifest, HasConfigDigest = true } };

        Assert.Null(GatePipeline.Pushed(plan, imageIdOnly));
        var error = GatePipeline.UnpushedDigest(plan, imageIdOnly, null);
        Assert.Equal((Codes.CouldNotMeasure.Code, DiagnosticSeverity.Error), (error?.Code, error?.Severity));
        Assert.Equal($"{Tag}@{Manifest}", GatePipeline.Pushed(plan, pushed)?.ToString());
    }

    [Fact]
    public void A_baseline_without_compressed_sizes_is_SG1014_for_a_growth_budget_beside_a_compressed_budget()
    {
        var baseline = Baseline();

        var error = Assert.Throws<StageGateException>(() => GatePlan.Create(Pushing("5%", baseline)));

        Assert.Equal(Codes.BaselineUnreadable.Code, error.Code);
        Assert.Contains("no compressed size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_new_next_to_others_the_baseline_has_is_SG4005_and_the_others_are_checked()
    {
        var plan = GatePlan.Create(Pushing("5%", Baseline(new PlatformSize("linux/amd64", Manifest, 1_000_000))));
        var image = new FinalImageResult
        {
            Target = "final",
            Outcome = GateOutcome.Passed,
            Platforms = [new PlatformSize("linux/amd64", Manifest, 1_010_000), new PlatformSize("linux/arm64", Manifest, 1_000_000)],
        };
        var diagnostics = new List<Diagnostic>();

        var budgets = BudgetVerdicts.Decide(plan, image, diagnostics);

        Assert.Contains(budgets, b => b is { Kind: BudgetKind.Growth, Platform: "linux/amd64", Outcome: GateOutcome.Passed });
        Assert.Equal(Codes.BaselineLacksPlatform.Code, Assert.Single(diagnostics).Code);
        Assert.Equal(ExitCodes.Passed, ExitCodes.For(diagnostics));
    }
}
