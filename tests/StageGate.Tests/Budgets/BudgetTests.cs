using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Tests.Budgets;

public sealed class SizeBudgetTests
{
    private static readonly SizeBudget Budget = SizeBudget.Parse("150MB");

    [Fact]
    public void A_size_exactly_at_the_budget_passes()
    {
        Assert.Equal(GateOutcome.Passed, Budget.Evaluate(ByteSize.Parse("150MB")).Outcome);
    }

    [Fact]
    public void A_size_one_byte_over_the_budget_fails()
    {
        Assert.Equal(GateOutcome.Failed, Budget.Evaluate(ByteSize.FromBytes(150_000_001)).Outcome);
    }

    [Fact]
    public void A_missing_measurement_could_not_be_measured_and_is_never_a_failure()
    {
        var verdict = Budget.Evaluate(null, "image inspect failed: no such image");

        Assert.Equal(GateOutcome.CouldNotMeasure, verdict.Outcome);
        Assert.Equal("Uncompressed size: could not measure — image inspect failed: no such image", verdict.Summary);
    }

    [Fact]
    public void An_over_budget_size_is_described_as_docker_prints_sizes_with_the_overage()
    {
        var verdict = Budget.Evaluate(ByteSize.FromBytes(162_400_000));

        Assert.Equal("Uncompressed size: 162MB — over the 150MB budget by 12.4MB", verdict.Summary);
    }

    [Fact]
    public void An_overage_that_rounding_hides_is_given_in_bytes_beside_the_rounded_sizes()
    {
        var verdict = Budget.Evaluate(ByteSize.FromBytes(150_000_400));

        Assert.Equal("Uncompressed size: 150MB — over the 150MB budget by 400 B (150MB vs 150MB)", verdict.Summary);
    }

    [Fact]
    public void A_size_within_the_budget_is_described_with_what_is_left()
    {
        var verdict = Budget.Evaluate(ByteSize.FromBytes(142_100_000));

        Assert.Equal("Uncompressed size: 142MB — within the 150MB budget, 7.9MB to spare", verdict.Summary);
    }

    [Fact]
    public void A_binary_budget_is_shown_as_it_was_written()
    {
        Assert.Equal("155MiB", SizeBudget.Parse("155MiB").ToString());
        Assert.Equal("1.5GB", SizeBudget.Parse("1.5GB").ToString());
    }

    [Fact]
    public void A_budget_that_is_not_a_size_is_SG1012()
    {
        Assert.Equal("SG1012", Assert.Throws<StageGateException>(() => SizeBudget.Parse("150 megs")).Code);
    }
}

public sealed class GrowthBudgetTests
{
    private static readonly ByteSize Baseline = ByteSize.Parse("150MB");

    [Theory]
    [InlineData("5%", 5)]
    [InlineData("2.5%", 2.5)]
    [InlineData("5 %", 5)]
    [InlineData("0%", 0)]
    public void A_percentage_is_read_as_a_share_of_the_baseline(string text, double percent)
    {
        Assert.Equal((decimal)percent, GrowthBudget.Parse(text).Percent);
    }

    [Fact]
    public void A_size_is_read_as_a_fixed_allowance()
    {
        var budget = GrowthBudget.Parse("10MB");

        Assert.Null(budget.Percent);
        Assert.Equal(ByteSize.Parse("10MB"), budget.Size);
    }

    [Theory]
    [InlineData("5 percent")]
    [InlineData("-5%")]
    [InlineData("five")]
    [InlineData("%")]
    [InlineData("5%%")]
    [InlineData("10 megs")]
    [InlineData("")]
    public void Text_that_is_neither_a_percentage_nor_a_size_is_SG1013(string text)
    {
        var error = Assert.Throws<StageGateException>(() => GrowthBudget.Parse(text));

        Assert.Equal("SG1013", error.Code);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_up_to_the_allowed_percentage_passes()
    {
        var verdict = GrowthBudget.Parse("5%").Evaluate(ByteSize.Parse("157.5MB"), Baseline);

        Assert.Equal(GateOutcome.Passed, verdict.Outcome);
        Assert.Equal(ByteSize.Parse("157.5MB").Bytes, verdict.LimitBytes);
    }

    [Fact]
    public void Growth_beyond_the_allowed_percentage_fails_and_says_by_how_much()
    {
        var verdict = GrowthBudget.Parse("5%").Evaluate(ByteSize.FromBytes(162_400_000), Baseline);

        Assert.Equal(GateOutcome.Failed, verdict.Outcome);
        Assert.Equal(
            "Uncompressed growth: 162MB, up 12.4MB from the baseline 150MB — over the 5% growth budget (7.5MB) by 4.9MB",
            verdict.Summary);
    }

    [Fact]
    public void A_fixed_growth_allowance_is_measured_from_the_baseline()
    {
        var budget = GrowthBudget.Parse("10MB");

        Assert.Equal(GateOutcome.Passed, budget.Evaluate(ByteSize.Parse("160MB"), Baseline).Outcome);
        Assert.Equal(GateOutcome.Failed, budget.Evaluate(ByteSize.FromBytes(160_000_001), Baseline).Outcome);
    }

    [Fact]
    public void A_shrinking_image_passes_any_growth_budget()
    {
        var verdict = GrowthBudget.Parse("0%").Evaluate(ByteSize.Parse("140MB"), Baseline);

        Assert.Equal(GateOutcome.Passed, verdict.Outcome);
        Assert.StartsWith("Uncompressed growth: 140MB, down 10MB from the baseline", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_measurement_or_baseline_could_not_be_measured()
    {
        var budget = GrowthBudget.Parse("5%");

        Assert.Equal(GateOutcome.CouldNotMeasure, budget.Evaluate(null, Baseline).Outcome);
        Assert.Equal(GateOutcome.CouldNotMeasure, budget.Evaluate(ByteSize.Parse("1GB"), null).Outcome);
    }

    [Fact]
    public void The_allowed_percentage_is_rounded_down_to_a_whole_byte()
    {
        Assert.Equal(3L, GrowthBudget.Parse("33%").AllowedGrowth(ByteSize.FromBytes(10)).Bytes);
    }
}

public sealed class MultiStageSavingsTests
{
    [Fact]
    public void Savings_read_builder_size_arrow_final_size_and_the_share_saved()
    {
        var savings = new MultiStageSavings(ByteSize.Parse("1.2GB"), ByteSize.Parse("150MB"));

        Assert.Equal("1.2GB → 150MB, 87% smaller", savings.ToString());
    }

    [Fact]
    public void A_final_image_larger_than_its_builder_says_so()
    {
        var savings = new MultiStageSavings(ByteSize.Parse("100MB"), ByteSize.Parse("120MB"));

        Assert.Equal("100MB → 120MB, 20% larger", savings.ToString());
    }
}
