using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

public class TextReportTests
{
    private static IReadOnlyList<string> Lines(GateResult result) =>
        TextReport.Render(result, SampleResults.Root).Split('\n').Select(l => l.Trim()).ToList();

    [Fact]
    public void A_passing_test_stage_shows_its_time()
    {
        Assert.Contains("✓ test passed (12.3s)", Lines(SampleResults.Passing()));
    }

    [Fact]
    public void A_failing_test_stage_points_at_its_Dockerfile_line_and_instruction()
    {
        Assert.Contains("✗ integration failed at Dockerfile:14 RUN make test (3.1s)", Lines(SampleResults.TestFailure()));
    }

    [Fact]
    public void A_failing_test_stage_shows_the_last_ten_lines_of_its_output()
    {
        var lines = Lines(SampleResults.TestFailure());

        Assert.Contains("| make: *** [test] Error 1", lines);
        Assert.Contains("| ok 5 - case 5", lines);
        Assert.DoesNotContain("| ok 4 - case 4", lines);
    }

    [Fact]
    public void A_failing_steps_output_is_shown_once_even_when_its_diagnostic_carries_it_too()
    {
        var text = TextReport.Render(SampleResults.TestFailure());

        Assert.Single(text.Split('\n'), l => l.Contains("FAIL: TestParse", StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_that_belongs_to_no_gate_shows_its_details()
    {
        var result = SampleResults.Passing() with
        {
            Diagnostics = [Codes.BuildFailed.Create("docker buildx exited with code 1") with { Details = ["ERROR: failed to solve: busybox:nope: not found"] }],
        };

        Assert.Contains("ERROR: failed to solve: busybox:nope: not found", Lines(result));
    }

    [Fact]
    public void The_final_image_shows_its_docker_style_size()
    {
        Assert.Contains("✓ final image 'runtime': 763kB uncompressed", Lines(SampleResults.Passing()));
    }

    [Fact]
    public void An_overage_hidden_by_rounding_is_shown_in_exact_bytes()
    {
        Assert.Contains(
            "✗ Uncompressed size: 150MB — over the 150MB budget by 400 B (150MB vs 150MB)",
            Lines(SampleResults.OverBudgetHiddenByRounding()));
    }

    [Fact]
    public void A_visible_overage_is_shown_as_docker_prints_sizes()
    {
        var result = SampleResults.OverBudgetHiddenByRounding() with
        {
            Budgets = [new BudgetResult(BudgetKind.Size, GateOutcome.Failed, "150MB") { MeasuredBytes = 162_400_000, LimitBytes = 150_000_000 }],
        };

        Assert.Contains("✗ Uncompressed size: 162MB — over the 150MB budget by 12.4MB", Lines(result));
    }

    [Fact]
    public void The_savings_line_compares_the_builder_stage_with_the_final_image()
    {
        Assert.Contains("Multi-stage split: builder stage 'build' 452MB → final image 763kB, 99% smaller", Lines(SampleResults.Passing()));
    }

    [Fact]
    public void The_five_largest_layers_are_listed_largest_first_with_their_Dockerfile_line()
    {
        var lines = Lines(SampleResults.Passing());
        var start = lines.ToList().IndexOf("Largest layers:");

        Assert.Equal(
            [
                "5MB  (base image)   ADD alpine-minirootfs.tar.gz / # buildkit",
                "700kB  Dockerfile:12  COPY --from=build /out/app /app # buildkit",
                "63kB  Dockerfile:11  RUN apk add --no-cache libstdc++",
                "1.2kB  Dockerfile:13  COPY config.toml /etc/app/ # buildkit",
                "800B  Dockerfile:14  COPY LICENSE /app/ # buildkit",
            ],
            lines.Skip(start + 1).Take(5));
    }

    [Fact]
    public void Could_not_measure_never_says_over_budget()
    {
        var text = TextReport.Render(SampleResults.CouldNotMeasure());

        Assert.Contains("final image 'runtime' built, but its size could not be measured", text, StringComparison.Ordinal);
        Assert.Contains("! Uncompressed size: could not measure", text, StringComparison.Ordinal);
        Assert.DoesNotContain("over the", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("over budget", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("✗", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_size_budget_is_explained_once_by_its_diagnostic_not_again_by_a_hint()
    {
        var text = TextReport.Render(SampleResults.OverBudgetHiddenByRounding());

        Assert.DoesNotContain("StageGateSizeBudget", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Try to reduce", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_run_gives_no_budget_hint()
    {
        Assert.DoesNotContain("StageGateSizeBudget", TextReport.Render(SampleResults.Passing()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_line_is_the_verdict()
    {
        Assert.Equal("✗ StageGate failed: 1 of 4 gates failed, 2 not run (42.1s)", Lines(SampleResults.TestFailure()).Last(l => l.Length > 0));
        Assert.Equal("✓ StageGate passed: all 3 gates passed (42.1s)", Lines(SampleResults.Passing()).Last(l => l.Length > 0));
    }

    [Fact]
    public void The_verdict_counts_gates_that_could_not_measure_apart_from_those_that_passed()
    {
        Assert.Equal("✓ StageGate passed: 1 of 4 gates passed, 3 could not measure (42.1s)", Lines(SampleResults.CouldNotMeasure()).Last(l => l.Length > 0));
    }

    [Fact]
    public void The_final_image_names_its_id_and_tags()
    {
        Assert.Contains("image 0123456789ab, tagged app:ci", Lines(SampleResults.Passing()));
    }

    [Fact]
    public void Diagnostics_are_listed_in_the_format_editors_make_clickable_relative_to_the_repository()
    {
        Assert.Contains("app/Dockerfile(14,1): error SG3001: Test stage 'integration' failed at RUN make test: exit code 2.", Lines(SampleResults.TestFailure()));
    }
}
