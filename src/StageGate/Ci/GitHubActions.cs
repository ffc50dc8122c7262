using System.Security.Cryptography;
using System.Text;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Ci;

/// <summary>
/// GitHub Actions (<c>GITHUB_ACTIONS=true</c>): workflow commands in the log, the job summary in
/// <c>GITHUB_STEP_SUMMARY</c>, the outputs in <c>GITHUB_OUTPUT</c>, paths relative to <c>GITHUB_WORKSPACE</c>.
/// </summary>
internal sealed class GitHubActions(Func<string, string?> environment) : CiSystem(environment, "GITHUB_WORKSPACE")
{
    /// <summary>
    /// The runner takes a line starting with <c>::</c> (after spaces) or holding <c>##[</c> anywhere for a command, and a
    /// bare carriage return ends a line; lines that could be one are put between <c>::stop-commands::</c> and its token.
    /// </summary>
    public override IReadOnlyList<string> Defuse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (!lines.SelectMany(l => l.Split('\r')).Any(CouldBeCommand))
        {
            return lines;
        }
        var token = StopToken(lines);
        return ["::stop-commands::" + token, .. lines, "::" + token + "::"];
    }

    /// <summary>
    /// The runner's <c>::</c> form needs the start of a line, which a prefix already holds; its older <c>##[</c> form is
    /// obeyed anywhere in a line, so that one is broken up, the way Azure's agent neutralises its own.
    /// </summary>
    public override string DefuseInline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("##[", "**[", StringComparison.Ordinal);
    }

    public override string? Annotation(Diagnostic diagnostic, AnnotationCount earlier) =>
        GitHubActionsReport.Annotation(diagnostic, earlier, Workspace);

    public override string Console(GateResult? result, IReadOnlyList<Diagnostic> diagnostics) =>
        result is null
            ? string.Concat(Annotations(diagnostics).Select(a => a + "\n"))
            : GitHubActionsReport.Render(result, Workspace);

    public override async Task<IReadOnlyList<string>> PublishAsync(string markdownSummary, CiOutputs outputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (Environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            await ReportFile.AppendAsync(summary, markdownSummary, cancellationToken).ConfigureAwait(false);
        }
        if (Environment("GITHUB_OUTPUT") is { Length: > 0 } output)
        {
            await ReportFile.AppendAsync(output, OutputFile(outputs), cancellationToken).ConfigureAwait(false);
        }
        return [];
    }

    /// <summary>
    /// Each output as <c>name&lt;&lt;delimiter</c>, its value, the delimiter: the form GitHub documents for values
    /// that may span lines. The delimiter is random, so no value can end its entry early.
    /// </summary>
    internal static string OutputFile(CiOutputs outputs)
    {
        var text = new StringBuilder();
        foreach (var (name, _, value) in outputs.Values())
        {
            var delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("N");
            text.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
        }
        return text.ToString();
    }

    private static bool CouldBeCommand(string line) =>
        line.TrimStart().StartsWith("::", StringComparison.Ordinal) || line.Contains("##[", StringComparison.Ordinal);

    /// <summary>A token the lines cannot contain (they would have to hold their own hash), so rendering stays a pure function.</summary>
    internal static string StopToken(IEnumerable<string> lines)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return "stagegate-" + Convert.ToHexString(hash.AsSpan(0, 16));
    }
}
