using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Ci;

/// <summary>
/// Azure Pipelines (<c>TF_BUILD=True</c>): logging commands in the log, the summary uploaded from a file under
/// <c>AGENT_TEMPDIRECTORY</c>, the outputs as output variables, paths relative to <c>BUILD_SOURCESDIRECTORY</c>.
/// </summary>
internal sealed class AzurePipelines(Func<string, string?> environment) : CiSystem(environment, "BUILD_SOURCESDIRECTORY")
{
    /// <summary>The agent has no way to suspend commands, so every line is neutralised on its own.</summary>
    public override IReadOnlyList<string> Defuse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Select(AzureDevOpsReport.Defuse).ToList();
    }

    public override string DefuseInline(string text) => AzureDevOpsReport.Defuse(text);

    public override string? Annotation(Diagnostic diagnostic, AnnotationCount earlier) => AzureDevOpsReport.Command(diagnostic, Workspace);

    public override string Console(GateResult? result, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return result is not null
            ? AzureDevOpsReport.Render(result, Workspace)
            : AzureDevOpsReport.Issues(diagnostics, Workspace)
              + (diagnostics.Any(d => d.IsError) ? AzureDevOpsReport.Failed("StageGate could not run the gates") : "");
    }

    /// <summary>
    /// The summary goes to its own folder under the agent's temp folder, kept until the job ends when the agent
    /// uploads it, named <c>StageGate.md</c> because Azure titles the summary section by the file's name.
    /// </summary>
    public override async Task<IReadOnlyList<string>> PublishAsync(string markdownSummary, CiOutputs outputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var commands = outputs.Values()
            .Select(o => $"##vso[task.setvariable variable={o.Azure};isOutput=true]{AzureDevOpsReport.EscapeData(o.Value)}")
            .ToList();
        var temp = Environment("AGENT_TEMPDIRECTORY") is { Length: > 0 } agentTemp ? agentTemp : Path.GetTempPath();
        var summary = Path.Combine(temp, "stagegate-" + Guid.NewGuid().ToString("N")[..12], "StageGate.md");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(summary)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.ReportNotWritten.Create($"Could not write the job summary '{summary}': {e.Message}"), e);
        }
        await ReportFile.WriteAsync(summary, markdownSummary, cancellationToken).ConfigureAwait(false);
        commands.Add("##vso[task.uploadsummary]" + AzureDevOpsReport.EscapeData(summary));
        return commands;
    }
}
