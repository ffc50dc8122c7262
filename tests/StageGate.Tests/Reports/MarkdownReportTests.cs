using StageGate.Diagnostics;
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

        Assert.Contains("| Test stage <code>test</code> | ✅ passed | 12.3s |", lines);
        Assert.Contains("| Test stage <code>integration</code> | ❌ failed | <code>Dockerfile:14 RUN make test</code> |", lines);
        Assert.Contains("| Final image <code>runtime</code> | ⏭️ not run |  |", lines);
    }

    [Fact]
    public void The_final_image_row_shows_its_size_and_the_budget_row_its_verdict()
    {
        var lines = Lines(SampleResults.Passing());

        Assert.Contains("| Final image <code>runtime</code> | ✅ passed | **763kB uncompressed** |", lines);
        Assert.Contains("| Size budget <code>1MB</code> | ✅ passed | Uncompressed size: 763kB — within the 1MB budget, 237kB to spare |", lines);
    }

    [Fact]
    public void The_largest_layers_are_a_table_and_a_pipe_or_ampersands_in_an_instruction_show_as_written()
    {
        var result = SampleResults.Passing() with
        {
            FinalImage = SampleResults.Passing().FinalImage! with { Layers = [new LayerResult(2_000, "RUN a | b && c", 7)] },
        };

        Assert.Contains("| 2kB | Dockerfile:7 | <code>RUN a &#124; b &amp;&amp; c</code> |", Lines(result));
    }

    [Fact]
    public void A_base_layer_without_an_instruction_is_named_as_the_base_image()
    {
        var result = SampleResults.Passing() with
        {
            FinalImage = SampleResults.Passing().FinalImage! with { Layers = [new LayerResult(5_000_000, "", null)] },
        };

        Assert.Contains("| 5MB | (base image) | base image |", Lines(result));
    }

    [Fact]
    public void Paths_are_relative_to_the_workspace()
    {
        var text = MarkdownReport.Render(SampleResults.TestFailure(), SampleResults.Root);

        Assert.Contains("Dockerfile: <code>app/Dockerfile</code>", text, StringComparison.Ordinal);
        Assert.Contains("**SG3001** <code>app/Dockerfile:14</code>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleResults.Root, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Informational_diagnostics_are_listed_in_the_summary()
    {
        Assert.Contains("- ℹ️ **SG3002**: The final stage does not depend on test stage 'test'.", Lines(SampleResults.Passing()));
    }

    [Fact]
    public void A_run_that_could_not_start_still_has_a_summary_naming_its_error_and_where()
    {
        var error = Codes.DockerfileNotFound.Create("Dockerfile not found.", "/work/repo/app/app.csproj");

        var text = MarkdownReport.RenderWithoutResult([error], SampleResults.Root);

        Assert.StartsWith("## ❌ StageGate could not run the gates\n", text, StringComparison.Ordinal);
        Assert.Contains("- ❌ **SG1", text, StringComparison.Ordinal);
        Assert.Contains("<code>app/app.csproj</code>: Dockerfile not found.", text, StringComparison.Ordinal);
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

        Assert.Contains(lines, l => l.StartsWith("| Size budget <code>1MB</code> | ⚠️ could not measure |", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("❌", StringComparison.Ordinal));
    }
}
