using System.Security.Cryptography;
using System.Text;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// GitHub Actions workflow commands: a folded group with each failing step's output, then one
/// <c>::error</c> / <c>::warning</c> / <c>::notice</c> annotation per diagnostic, pointing at its file and line.
/// </summary>
internal static class GitHubActionsReport
{
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
            var token = StopToken(output);
            text.Append("::stop-commands::").Append(token).Append('\n');
            foreach (var line in output)
            {
                text.Append(line).Append('\n');
            }
            text.Append("::").Append(token).Append("::\n");
            text.Append("::endgroup::\n");
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            text.Append(Command(diagnostic, repositoryRoot)).Append('\n');
        }
        return text.ToString();
    }

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

    /// <summary>A token no line of the output can guess, derived from the output so rendering stays a pure function.</summary>
    private static string StopToken(IEnumerable<string> output)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", output)));
        return "stagegate-" + Convert.ToHexString(hash.AsSpan(0, 16));
    }
}
