using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

public class RunSummaryTests
{
    private static GateResult Result(IReadOnlyList<TestStageResult> tests, FinalImageResult? image, params BudgetResult[] budgets) => new()
    {
        Dockerfile = "/src/Dockerfile",
        Context = "/src",
        TestStages = tests,
        FinalImage = image,
        Budgets = budgets,
    };

    private static readonly TestStageResult PassedTest = new("test", GateOutcome.Passed, TimeSpan.FromSeconds(3));

    private static readonly FinalImageResult Image = new()
    {
        Target = "final",
        Outcome = GateOutcome.Passed,
        SizeBytes = 763_000,
        BuilderStage = "builder",
        BuilderSizeBytes = 452_000_000,
    };

    private static BudgetResult SizeBudget(GateOutcome outcome, string budget) =>
        new(BudgetKind.Size, outcome, budget) { MeasuredBytes = 763_000, LimitBytes = 2_000_000 };

    [Fact]
    public void A_passing_run_names_the_tests_the_size_against_its_budget_and_the_savings()
    {
        var line = RunSummary.For(Result([PassedTest], Image, SizeBudget(GateOutcome.Passed, "2MB")));

        Assert.Equal("StageGate: tests passed (1 stage), final image 763kB uncompressed ≤ 2MB budget, 99% smaller than builder", line);
    }

    [Fact]
    public void An_image_over_its_budget_says_so()
    {
        var line = RunSummary.For(Result([PassedTest], Image with { BuilderSizeBytes = null }, SizeBudget(GateOutcome.Failed, "500kB")));

        Assert.Equal("StageGate: tests passed (1 stage), final image 763kB uncompressed over its 500kB budget", line);
    }

    [Fact]
    public void A_failing_test_stage_is_counted_among_the_stages()
    {
        var failed = new TestStageResult("lint", GateOutcome.Failed, TimeSpan.FromSeconds(1));

        var line = RunSummary.For(Result([PassedTest, failed], new FinalImageResult { Target = "final", Outcome = GateOutcome.NotRun }));

        Assert.Equal("StageGate: tests failed (1 of 2 stages), final image not built", line);
    }

    [Fact]
    public void Test_stages_that_never_ran_are_not_run_not_passed()
    {
        var notRun = new TestStageResult("test", GateOutcome.NotRun, TimeSpan.Zero);

        var line = RunSummary.For(Result([notRun], new FinalImageResult { Target = "final", Outcome = GateOutcome.NotRun }));

        Assert.Equal("StageGate: tests not run (1 stage), final image not built", line);
    }

    [Fact]
    public void A_growth_budget_and_a_missing_test_stage_are_named()
    {
        var growth = new BudgetResult(BudgetKind.Growth, GateOutcome.Passed, "5%") { MeasuredBytes = 763_000, LimitBytes = 800_000, BaselineBytes = 760_000 };

        var line = RunSummary.For(Result([], Image with { BuilderSizeBytes = null }, growth));

        Assert.Equal("StageGate: no test stage, final image 763kB uncompressed, growth within 5%", line);
    }
}
