using System.Text;
using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// The console verdict, in the manner of size-limit: each gate on a line with its outcome, the final image's
/// size against its budget, the largest layers, what the multi-stage split saved, and where to change the budget.
/// </summary>
internal static class TextReport
{
    private const string Indent = "  ";

    public static string Render(GateResult result, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append("StageGate ").Append(ReportWording.RelativePath(result.Dockerfile, repositoryRoot)).Append('\n').Append('\n');

        foreach (var stage in result.TestStages)
        {
            text.Append(Indent).Append(ReportWording.Icon(stage.Outcome)).Append(' ').Append(ReportWording.TestStage(stage, result.Dockerfile)).Append('\n');
            AppendFailure(text, stage.Failure);
        }

        if (result.FinalImage is { } image)
        {
            if (result.TestStages.Count > 0)
            {
                text.Append('\n');
            }
            text.Append(Indent).Append(ReportWording.Icon(image.Outcome)).Append(' ').Append(ReportWording.FinalImage(image, result.Dockerfile)).Append('\n');
            AppendFailure(text, image.Failure);
            var names = new[] { image.ImageId is null ? "" : "image " + ShortId(image.ImageId), image.Tags.Count == 0 ? "" : "tagged " + string.Join(", ", image.Tags),
                image.Platforms.Count == 0 || image.Digest is null ? "" : "pushed as " + image.Digest }
                .Where(n => n.Length > 0).ToList();
            if (names.Count > 0)
            {
                text.Append(Indent).Append(Indent).Append(string.Join(", ", names)).Append('\n');
            }
        }

        foreach (var budget in result.Budgets)
        {
            text.Append(Indent).Append(ReportWording.Icon(budget.Outcome)).Append(' ').Append(ReportWording.Budget(budget)).Append('\n');
        }

        AppendLayers(text, result);
        if (ReportWording.Savings(result.FinalImage) is { } savings)
        {
            text.Append('\n').Append(Indent).Append("Multi-stage split: ").Append(savings).Append('\n');
        }

        var diagnostics = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList();
        if (diagnostics.Count > 0)
        {
            text.Append('\n');
            foreach (var diagnostic in diagnostics)
            {
                var shown = diagnostic with { File = ReportWording.RelativePath(diagnostic.File, repositoryRoot) };
                text.Append(Indent).Append(shown).Append('\n');
                // A gate's diagnostic carries what its gate already shows above (step output, largest layers); say it once.
                if (!ReportWording.IsGateCode(diagnostic.Code))
                {
                    foreach (var detail in diagnostic.Details)
                    {
                        text.Append(Indent).Append(Indent).Append(detail).Append('\n');
                    }
                }
            }
        }


        text.Append('\n').Append(Indent).Append(result.Passed ? "✓ " : "✗ ").Append(ReportWording.Verdict(result)).Append('\n');
        return text.ToString();
    }

    private static void AppendFailure(StringBuilder text, FailedStep? failure)
    {
        if (failure is null)
        {
            return;
        }
        if (!string.IsNullOrWhiteSpace(failure.Error))
        {
            text.Append(Indent).Append(Indent).Append(ReportWording.OneLine(failure.Error)).Append('\n');
        }
        foreach (var line in ReportWording.LastOutput(failure))
        {
            text.Append(Indent).Append(Indent).Append("| ").Append(line).Append('\n');
        }
    }

    private static void AppendLayers(StringBuilder text, GateResult result)
    {
        var layers = ReportWording.TopLayers(result.FinalImage);
        if (layers.Count == 0)
        {
            return;
        }
        text.Append('\n').Append(Indent).Append("Largest layers:").Append('\n');
        var sizes = layers.Select(l => new ByteSize(l.SizeBytes).ToString()).ToList();
        var lines = layers.Select(l => ReportWording.LayerLine(l, result.Dockerfile)).ToList();
        var sizeWidth = sizes.Max(s => s.Length);
        var lineWidth = lines.Max(l => l.Length);
        for (var i = 0; i < layers.Count; i++)
        {
            text.Append(Indent).Append(Indent)
                .Append(sizes[i].PadLeft(sizeWidth)).Append("  ")
                .Append(lines[i].PadRight(lineWidth)).Append("  ")
                .Append(Shorten(ReportWording.OneLine(layers[i].CreatedBy), 100)).Append('\n');
        }
    }

    private static string ShortId(string id)
    {
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;
        return hex.Length > 12 ? hex[..12] : hex;
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..(length - 1)] + "…";
}
