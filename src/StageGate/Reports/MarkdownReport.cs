using System.Text;
using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// GitHub-flavoured Markdown for a PR comment or a job summary (GitHub's <c>GITHUB_STEP_SUMMARY</c>, Azure's
/// uploaded summary): a table of gates, the largest layers, the multi-stage savings, each failing step's output
/// folded away, and every diagnostic. Code is HTML <c>&lt;code&gt;</c>, escaped, because a backtick span in a table
/// cell renders differently on GitHub and Azure once it holds a pipe or an ampersand.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(GateResult result, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.Append("## ").Append(result.Passed ? "✅" : "❌").Append(' ').Append(Cell(ReportWording.Verdict(result))).Append("\n\n");
        md.Append("Dockerfile: ").Append(Code(ReportWording.RelativePath(result.Dockerfile, repositoryRoot) ?? "")).Append("\n\n");
        var pushed = result.FinalImage is { Platforms.Count: > 0, Digest: { } digest } ? digest : null;
        if (result.FinalImage?.ImageId is not null || pushed is not null)
        {
            md.Append("Image: ").Append(result.FinalImage!.ImageId is { } imageId ? Code(imageId) : "");
            if (result.FinalImage.Tags.Count > 0)
            {
                md.Append(", tagged ").Append(string.Join(", ", result.FinalImage.Tags.Select(Code)));
            }
            if (pushed is not null)
            {
                md.Append(result.FinalImage.ImageId is null ? "pushed as " : ", pushed as ").Append(Code(pushed));
            }
            md.Append("\n\n");
        }

        md.Append("| Gate | Outcome | Result |\n| --- | --- | --- |\n");
        foreach (var stage in result.TestStages)
        {
            var detail = stage.Failure is { } failure
                ? Code(ReportWording.Location(failure, result.Dockerfile))
                : stage.Outcome == GateOutcome.NotRun ? "" : ReportWording.Duration(stage.Duration) + ReportWording.Counts(stage);
            Row(md, "Test stage " + Code(stage.Target), stage.Outcome, detail);
        }
        if (result.FinalImage is { } image)
        {
            var detail = image.Failure is { } failure
                ? Code(ReportWording.Location(failure, result.Dockerfile))
                : ReportWording.Sizes(image) is { } sizes ? $"**{Cell(sizes)}**" : "";
            Row(md, "Final image " + Code(image.Target), image.Outcome, detail);
        }
        foreach (var budget in result.Budgets)
        {
            var name = (budget.Metric == SizeMetric.Compressed ? "Compressed " : "") + (budget.Kind == BudgetKind.Size ? "size budget " : "growth budget ");
            Row(md, char.ToUpperInvariant(name[0]) + name[1..] + Code(budget.Budget) + (budget.Platform is { } platform ? " " + Code(platform) : ""), budget.Outcome, Cell(ReportWording.Budget(budget)));
        }

        var layers = ReportWording.TopLayers(result.FinalImage);
        if (layers.Count > 0)
        {
            md.Append("\n**Largest layers**\n\n| Size | Line | Instruction |\n| ---: | --- | --- |\n");
            foreach (var layer in layers)
            {
                md.Append("| ").Append(new ByteSize(layer.SizeBytes)).Append(" | ")
                  .Append(Cell(ReportWording.LayerLine(layer, result.Dockerfile))).Append(" | ")
                  .Append(string.IsNullOrWhiteSpace(layer.CreatedBy) ? "base image" : Code(layer.CreatedBy)).Append(" |\n");
            }
        }

        if (ReportWording.Savings(result.FinalImage) is { } savings)
        {
            md.Append("\n**Multi-stage split:** ").Append(Cell(savings)).Append('\n');
        }

        AppendOutput(md, result);
        AppendDiagnostics(md, result.Diagnostics, repositoryRoot);
        return md.ToString();
    }

    /// <summary>
    /// The summary of a run that could not give a verdict (bad input, no docker): it still says so where the
    /// job's readers look, with each error and where to fix it.
    /// </summary>
    public static string RenderWithoutResult(IReadOnlyList<Diagnostic> diagnostics, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var md = new StringBuilder();
        var errors = diagnostics.Count(d => d.IsError);
        md.Append("## ").Append(errors > 0 ? "❌ StageGate could not run the gates" : "✅ StageGate finished").Append("\n\n");
        if (errors > 0)
        {
            md.Append("No gate was checked: the error").Append(errors == 1 ? "" : "s").Append(" below must be fixed first.\n");
        }
        AppendDiagnostics(md, diagnostics, repositoryRoot);
        return md.ToString();
    }

    /// <summary>Every diagnostic, informational ones too: the summary is where a CI run's notes go instead of its annotations.</summary>
    private static void AppendDiagnostics(StringBuilder md, IReadOnlyList<Diagnostic> diagnostics, string? repositoryRoot)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }
        md.Append("\n**Diagnostics**\n\n");
        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Severity))
        {
            var icon = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "❌",
                DiagnosticSeverity.Warning => "⚠️",
                _ => "ℹ️",
            };
            var file = ReportWording.RelativePath(diagnostic.File, repositoryRoot);
            var where = file is null ? "" : " " + Code(diagnostic.Line is { } line ? $"{file}:{line}" : file);
            md.Append("- ").Append(icon).Append(" **").Append(diagnostic.Code).Append("**").Append(where).Append(": ")
              .Append(Cell(diagnostic.Message)).Append('\n');
        }
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

    /// <summary>Text safe inside a table cell: one line, HTML escaped, a pipe as its character reference so it cannot end the cell.</summary>
    internal static string Cell(string text) => Html(ReportWording.OneLine(text));

    /// <summary>
    /// Code as HTML: inside <c>&lt;code&gt;</c> character references are decoded, so <c>&amp;&amp;</c> shows as
    /// <c>&amp;&amp;</c> typed, and a pipe or a backtick needs no Markdown escape that would show as written.
    /// </summary>
    internal static string Code(string text) => "<code>" + Html(ReportWording.OneLine(text)) + "</code>";

    // Markdown escapes (* _ [ `) would be shown literally inside <code>, so characters that matter are references.
    private static string Html(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "&#124;", StringComparison.Ordinal)
        .Replace("`", "&#96;", StringComparison.Ordinal)
        .Replace("*", "&#42;", StringComparison.Ordinal)
        .Replace("_", "&#95;", StringComparison.Ordinal)
        .Replace("[", "&#91;", StringComparison.Ordinal);

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
