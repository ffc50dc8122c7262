using StageGate.Diagnostics;

namespace StageGate.Hosting;

/// <summary>
/// What a front end gets back from <see cref="HostedGate"/>: the result (null when the run could not start),
/// every diagnostic (already given to the host once), the exit code, and the one summary line.
/// </summary>
internal sealed record HostedRun<T>(T? Result, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode, string Summary)
    where T : class
{
    /// <summary>The gates ran and nothing failed; a run that could not start never passed, even when it only warned.</summary>
    public bool Passed => Result is not null && ExitCode == ExitCodes.Passed;

    /// <summary>
    /// Nothing ran and nothing above a note was said (a Dockerfile's own <c>dotnet build</c>, inside a container
    /// without an engine): a host logs the summary where only a detailed log shows it.
    /// </summary>
    public bool Quiet => Result is null && Diagnostics.Count > 0 && Diagnostics.All(d => d.Severity == DiagnosticSeverity.Info);

    /// <summary>
    /// Lines the host must put in its log for the CI system to act on (Azure's output variables and summary upload);
    /// empty outside CI and on CI systems that take them as files.
    /// </summary>
    public IReadOnlyList<string> CiCommands { get; init; } = [];

    /// <summary>
    /// One sentence for a front end that must fail with a message of its own (a Cake exception): the diagnostics
    /// were already shown, so it only points at them.
    /// </summary>
    public string FailureText
    {
        get
        {
            var errors = Diagnostics.Where(d => d.IsError).Select(d => d.Code).Distinct().ToList();
            return errors.Count == 0
                ? Summary
                : $"{Summary.TrimEnd('.')}. {(errors.Count == 1 ? "The error" : "The errors")} above ({string.Join(", ", errors)}) say{(errors.Count == 1 ? "s" : "")} why.";
        }
    }
}
