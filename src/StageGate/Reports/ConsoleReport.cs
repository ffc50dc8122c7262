using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Reports;

/// <summary>
/// What the CLI prints for a check: the text verdict, then the CI system's annotations when one is chosen or
/// detected; on GitHub Actions the Markdown summary also goes to the job summary file.
/// </summary>
internal static class ConsoleReport
{
    public static async Task<string> RenderAsync(GateResult result, OptionValues values, Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(values);
        environment ??= Environment.GetEnvironmentVariable;
        var choice = OptionReader.Read(OptionTable.Ci, values.For(OptionTable.Ci), new OptionReading(values.BaseFolder, o => o.NameIn(values.FrontEnd))) as string
            ?? OptionTable.Ci.Default;
        var text = TextReport.Render(result);
        if (CiSystem(choice, environment) is not { } format)
        {
            return text;
        }
        // CI systems link annotations by paths relative to the checkout.
        var checkout = environment(format == ReportFormat.GitHubActions ? "GITHUB_WORKSPACE" : "BUILD_SOURCESDIRECTORY");
        text += Report.Render(result, format, string.IsNullOrEmpty(checkout) ? null : checkout);
        if (format == ReportFormat.GitHubActions && environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            try
            {
                await ReportFile.AppendAsync(summary, Report.Render(result, ReportFormat.Markdown), cancellationToken).ConfigureAwait(false);
            }
            catch (Diagnostics.StageGateException e)
            {
                // The job summary is a courtesy: losing it must not change the gates' verdict.
                text += (e.Diagnostic with { Severity = Diagnostics.DiagnosticSeverity.Warning }) + "\n";
            }
        }
        return text;
    }

    private static ReportFormat? CiSystem(string choice, Func<string, string?> environment) => choice switch
    {
        "github" => ReportFormat.GitHubActions,
        "azure" => ReportFormat.AzureDevOps,
        "none" => null,
        _ when IsTrue(environment("GITHUB_ACTIONS")) => ReportFormat.GitHubActions,
        _ when IsTrue(environment("TF_BUILD")) => ReportFormat.AzureDevOps,
        _ => null,
    };

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
