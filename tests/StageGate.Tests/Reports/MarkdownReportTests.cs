using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Tests.Reports;

public class MarkdownReportTests
{
    private static IReadOnlyList<string> Lines(GateResult result) =>
        MarkdownReport.Render(result, SampleResults.Root).Split('\n');

    [Fact]
    public void The_heading_gives_the_verdict()
    {
        Assert.Equal("## ❌ StageGate failed: 1 of 4 gates failed, 2 not run (42.1s)", Lines(SampleResults.TestFailure())[0]);
    }

    [Fact]
    public void The_table_has_a_row_per_gate_with_its_outcome()
    {
        var lines = Lines(SampleResults.TestFailure());

        Assert.Contains("| Test stage `test` | ✅ passed | 12.3s |", lines);
        Assert.Contains("| Test stage `integration` | ❌ failed | `Dockerfile:14 RUN make test` |", lines);
        Assert.Contains("| Final image `runtime` | ⏭️ not run |  |", lines);
    }

    [Fact]
    public void The_final_image_row_shows_its_size_and_the_budget_row_its_verdict()
    {
        var lines = Lines(SampleResults.Passing());

        Assert.Contains("| Final image `runtime` | ✅ passed | **763kB** |", lines);
        Assert.Contains("| Size budget `1MB` | ✅ passed | Size: 763kB — within the 1MB budget, 237kB to spare |", lines);
    }

    [Fact]
    public void The_largest_layers_are_a_table_and_a_pipe_in_an_instruction_does_not_break_it()
    {
        var result = SampleResults.Passing() with
        {
            FinalImage = SampleResults.Passing().FinalImage! with { Layers = [new LayerResult(2_000, "RUN a | b", 7)] },
        };

        Assert.Contains("| 2kB | Dockerfile:7 | `RUN a \\| b` |", Lines(result));
    }

    [Fact]
    public void A_failing_steps_output_is_folded_under_the_table()
    {
        var text = MarkdownReport.Render(SampleResults.TestFailure());

        Assert.Contains("<details><summary>❌ integration failed at Dockerfile:14 RUN make test</summary>\n\n```text\n", text, StringComparison.Ordinal);
        Assert.Contains("make: *** [test] Error 1\n```\n\n</details>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_savings_line_is_shown()
    {
        Assert.Contains("**Multi-stage split:** builder stage 'build' 452MB → final image 763kB, 99% smaller", Lines(SampleResults.Passing()));
    }

    [Fact]
    public void Could_not_measure_is_a_warning_in_the_table_never_a_failure()
    {
        var lines = Lines(SampleResults.CouldNotMeasure());

        Assert.Contains(lines, l => l.StartsWith("| Size budget `1MB` | ⚠️ could not measure |", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("❌", StringComparison.Ordinal));
    }
}
