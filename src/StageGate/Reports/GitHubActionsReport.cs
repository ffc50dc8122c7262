using System.Text;
using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// GitHub Actions workflow commands: a folded group with each failing step's output, then an <c>::error</c> or
/// <c>::warning</c> annotation per diagnostic, pointing at its file and line, errors first and within GitHub's limits.
/// </summary>
internal static class GitHubActionsReport
{
    /// <summary>GitHub shows this many error annotations and this many warnings per step; more are dropped unseen.</summary>
    public const int AnnotationLimit = 10;

    public static string Render(GateResult result, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var failures = result.TestStages.Select(s => s.Failure).Append(result.FinalImage?.Failure).OfType<FailedStep>();
        foreach (var failure in failures)
        {
            var output = (string.IsNullOrWhiteSpace(failure.Error) ? [] : new[] { failure.Error }).Concat(failure.Output).ToList();
            text.Append("::group::").Append(EscapeData($"{failure.Target} failed at {ReportWording.Location(failure, result.Dockerfile)}")).Append('\n');
            // Build output is not ours: a line such as "::error::" in it must not become an annotation.
            var token = GitHubActions.StopToken(output);
            text.Append("::stop-commands::").Append(token).Append('\n');
            foreach (var line in output)
            {
                text.Append(line).Append('\n');
            }
            text.Append("::").Append(token).Append("::\n");
            text.Append("::endgroup::\n");
        }

        var count = new AnnotationCount();
        foreach (var diagnostic in result.Diagnostics.OrderByDescending(d => d.Severity))
        {
            if (Annotation(diagnostic, count, repositoryRoot) is { } annotation)
            {
                text.Append(annotation).Append('\n');
            }
            count.Add(diagnostic);
        }
        return text.ToString();
    }

    /// <summary>
    /// The annotation of an error or a warning while GitHub still shows one; informational diagnostics and the rest
    /// are left to the job summary, so a green run is quiet and the ones shown are the first, most important ones.
    /// </summary>
    internal static string? Annotation(Diagnostic diagnostic, AnnotationCount earlier, string? repositoryRoot) => diagnostic.Severity switch
    {
        DiagnosticSeverity.Error when earlier.Errors < AnnotationLimit => Command(diagnostic, repositoryRoot),
        DiagnosticSeverity.Warning when earlier.Warnings < AnnotationLimit => Command(diagnostic, repositoryRoot),
        _ => null,
    };

    /// <summary><c>::error file=Dockerfile,line=14,col=1,title=SG3001::message</c>.</summary>
    internal static string Command(Diagnostic diagnostic, string? repositoryRoot)
    {
        var command = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (ReportWording.RelativePath(diagnostic.File, repositoryRoot) is { } file)
        {
            properties.Add("file=" + EscapeProperty(file));
            if (diagnostic.Line is { } line)
            {
                properties.Add("line=" + line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (diagnostic.Column is { } column)
                {
                    properties.Add("col=" + column.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        properties.Add("title=" + EscapeProperty(diagnostic.Code));
        return $"::{command} {string.Join(",", properties)}::{EscapeData(ReportWording.MessageWithDetails(diagnostic))}";
    }

    /// <summary>The escaping of a command's message, as @actions/core does it.</summary>
    internal static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>The escaping of a command's property value: the message's, plus the separators ':' and ','.</summary>
    internal static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
