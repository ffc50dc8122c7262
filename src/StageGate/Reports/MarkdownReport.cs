using System.Text;
using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// GitHub-flavoured Markdown for a PR comment or a job summary (<c>$GITHUB_STEP_SUMMARY</c>): a table of
/// gates, the largest layers, the multi-stage savings, and each failing step's output folded away.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(GateResult result, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.Append("## ").Append(result.Passed ? "✅" : "❌").Append(' ').Append(Cell(ReportWording.Verdict(result))).Append("\n\n");
        md.Append("Dockerfile: ").Append(Code(ReportWording.RelativePath(result.Dockerfile, repositoryRoot) ?? "")).Append("\n\n");

        md.Append("| Gate | Outcome | Result |\n| --- | --- | --- |\n");
        foreach (var stage in result.TestStages)
        {
            var detail = stage.Failure is { } failure
                ? Code(ReportWording.Location(failure, result.Dockerfile))
                : stage.Outcome == GateOutcome.NotRun ? "" : ReportWording.Duration(stage.Duration);
            Row(md, "Test stage " + Code(stage.Target), stage.Outcome, detail);
        }
        if (result.FinalImage is { } image)
        {
            var detail = image.Failure is { } failure
                ? Code(ReportWording.Location(failure, result.Dockerfile))
                : image.SizeBytes is { } size ? $"**{new ByteSize(size)}**" : "";
            Row(md, "Final image " + Code(image.Target), image.Outcome, detail);
        }
        foreach (var budget in result.Budgets)
        {
            var name = budget.Kind == BudgetKind.Size ? "Size budget " : "Growth budget ";
            Row(md, name + Code(budget.Budget), budget.Outcome, Cell(ReportWording.Budget(budget)));
        }

        var layers = ReportWording.TopLayers(result.FinalImage);
        if (layers.Count > 0)
        {
            md.Append("\n**Largest layers**\n\n| Size | Line | Instruction |\n| ---: | --- | --- |\n");
            foreach (var layer in layers)
            {
                md.Append("| ").Append(new ByteSize(layer.SizeBytes)).Append(" | ")
                  .Append(Cell(ReportWording.LayerLine(layer, result.Dockerfile))).Append(" | ")
                  .Append(Code(ReportWording.OneLine(layer.CreatedBy))).Append(" |\n");
            }
        }

        if (ReportWording.Savings(result.FinalImage) is { } savings)
        {
            md.Append("\n**Multi-stage split:** ").Append(Cell(savings)).Append('\n');
        }

        AppendOutput(md, result);

        var diagnostics = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList();
        if (diagnostics.Count > 0)
        {
            md.Append("\n**Diagnostics**\n\n");
            foreach (var diagnostic in diagnostics)
            {
                var icon = diagnostic.IsError ? "❌" : "⚠️";
                var file = ReportWording.RelativePath(diagnostic.File, repositoryRoot);
                var where = file is null ? "" : " " + Code(diagnostic.Line is { } line ? $"{file}:{line}" : file);
                md.Append("- ").Append(icon).Append(" **").Append(diagnostic.Code).Append("**").Append(where).Append(": ")
                  .Append(Cell(diagnostic.Message)).Append('\n');
            }
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string gate, GateOutcome outcome, string detail) =>
        md.Append("| ").Append(gate).Append(" | ").Append(Emoji(outcome)).Append(' ').Append(ReportWording.Describe(outcome))
          .Append(" | ").Append(detail).Append(" |\n");

    /// <summary>Each failing step's last output, folded so a long log does not bury the table.</summary>
    private static void AppendOutput(StringBuilder md, GateResult result)
    {
        var failures = result.TestStages.Select(s => s.Failure)
            .Append(result.FinalImage?.Failure)
            .OfType<FailedStep>();
        foreach (var failure in failures)
        {
            var lines = (string.IsNullOrWhiteSpace(failure.Error) ? [] : new[] { ReportWording.OneLine(failure.Error) })
                .Concat(ReportWording.LastOutput(failure)).ToList();
            var fence = new string('`', Math.Max(3, lines.Select(LongestBacktickRun).DefaultIfEmpty(0).Max() + 1));
            md.Append("\n<details><summary>❌ ").Append(Html(failure.Target)).Append(" failed at ")
              .Append(Html(ReportWording.Location(failure, result.Dockerfile))).Append("</summary>\n\n")
              .Append(fence).Append("text\n");
            foreach (var line in lines)
            {
                md.Append(line).Append('\n');
            }
            md.Append(fence).Append("\n\n</details>\n");
        }
    }

    private static string Emoji(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Passed => "✅",
        GateOutcome.Failed => "❌",
        GateOutcome.CouldNotMeasure => "⚠️",
        _ => "⏭️",
    };

    /// <summary>Text safe inside a table cell: one line, pipes escaped, no stray HTML.</summary>
    internal static string Cell(string text) => Html(ReportWording.OneLine(text)).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>A code span that survives backticks and pipes in the text.</summary>
    internal static string Code(string text)
    {
        text = ReportWording.OneLine(text);
        var ticks = new string('`', LongestBacktickRun(text) + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return ticks + pad + text.Replace("|", "\\|", StringComparison.Ordinal) + pad + ticks;
    }

    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
