using StageGate.Buildx;
using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Lint;
using StageGate.Measurement;
using StageGate.Reports;

namespace StageGate.Hosting;

/// <summary>
/// The one entry point of every front end: raw values and a host in, a verdict out. It resolves the options
/// (blank values, lists, paths, stagegate.json), runs the pipeline, writes the reports, turns every exception
/// into a coded diagnostic, gives each diagnostic to the host once, and decides the exit code.
/// </summary>
internal static class HostedGate
{
    /// <summary>
    /// Runs the test stages and the final stage, measures the final image, checks its budgets, writes the reports;
    /// in CI, also the job summary and the outputs, whatever the verdict, even when the gates could not run.
    /// </summary>
    public static async Task<HostedRun<GateResult>> CheckAsync(OptionValues values, IGateHost host, CancellationToken cancellationToken = default)
    {
        var run = await RunAsync(values, host, async options =>
        {
            GateResult result;
            try
            {
                if (MissingDocker.ProbeFirst(options, values.Environment))
                {
                    await DockerProbe.EnsureReadyAsync(options.Docker, options.Get(OptionTable.Builder), cancellationToken).ConfigureAwait(false);
                }
                result = await GatePipeline.CheckAsync(options, new HostProgress(host), cancellationToken).ConfigureAwait(false);
            }
            catch (StageGateException e) when (MissingDocker.AsWarning(e.Diagnostic, options, values.Environment) is { } notRun)
            {
                // No verdict and no report: a report would read as a run that happened.
                return (null, [notRun]);
            }
            result = await WriteReportsAsync(result, options, cancellationToken).ConfigureAwait(false);
            return (result, result.Diagnostics);
        }, RunSummary.For, (result, diagnostics) => result with { Diagnostics = diagnostics }, cancellationToken).ConfigureAwait(false);
        return CiSystem.Detect(values, values.Environment) is { } ci ? await PublishAsync(run, ci, host).ConfigureAwait(false) : run;
    }

    /// <summary>
    /// The job summary and the outputs. Losing them must not change the verdict, so a file that cannot be written
    /// is a warning; they are written even after cancellation, when a reader most wants to know what happened.
    /// </summary>
    private static async Task<HostedRun<GateResult>> PublishAsync(HostedRun<GateResult> run, CiSystem ci, IGateHost host)
    {
        var summary = run.Result is { } result
            ? MarkdownReport.Render(result, ci.Workspace)
            : MarkdownReport.RenderWithoutResult(run.Diagnostics, ci.Workspace);
        try
        {
            var commands = await ci.PublishAsync(summary, CiOutputs.From(run.Result, run.Diagnostics, run.Passed), CancellationToken.None).ConfigureAwait(false);
            return run with { CiCommands = commands };
        }
        catch (StageGateException e)
        {
            var warning = e.Diagnostic with { Severity = DiagnosticSeverity.Warning };
            host.Log(warning);
            return run with
            {
                Diagnostics = [.. run.Diagnostics, warning],
                Result = run.Result is { } withResult ? withResult with { Diagnostics = [.. withResult.Diagnostics, warning] } : null,
            };
        }
    }

    /// <summary>Builds one stage (e.g. a test stage) and says whether it passed.</summary>
    public static Task<HostedRun<StageBuildResult>> BuildStageAsync(OptionValues values, string target, IGateHost host, CancellationToken cancellationToken = default) =>
        RunAsync(values, host, async options =>
        {
            var result = await GatePipeline.BuildStageAsync(options, target, new HostProgress(host), cancellationToken).ConfigureAwait(false);
            return (result, result.Diagnostics);
        }, RunSummary.For, (result, diagnostics) => result with { Diagnostics = diagnostics }, cancellationToken);

    /// <summary>Measures an existing image and checks it against the size budget of <paramref name="values"/>, if any.</summary>
    public static Task<HostedRun<MeasureResult>> MeasureAsync(OptionValues values, string image, IGateHost host, CancellationToken cancellationToken = default) =>
        RunAsync(values, host, async options =>
        {
            var result = await GatePipeline.MeasureAsync(options, image, cancellationToken).ConfigureAwait(false);
            return (result, result.Diagnostics);
        }, RunSummary.For, (result, diagnostics) => result with { Diagnostics = diagnostics }, cancellationToken);

    /// <summary>
    /// Lints the Dockerfile without docker (<c>stagegate lint</c>): exit 0 when no finding is an error, 1 when one is,
    /// 2 when the inputs cannot be linted or would not build.
    /// </summary>
    public static Task<HostedRun<LintRun>> LintAsync(
        OptionValues values, IReadOnlyCollection<string> only, IReadOnlyCollection<string> skip, IGateHost host, CancellationToken cancellationToken = default) =>
        RunAsync(values, host, options =>
        {
            var run = LintRun.ForCommand(options, only, skip, cancellationToken);
            return Task.FromResult<(LintRun?, IReadOnlyList<Diagnostic>)>((run, run.Diagnostics));
        }, LintSummary, (run, _) => run, cancellationToken);

    /// <summary>Looks at the inputs without docker (the Dockerfile's stages, the context's files); errors coded like a run's.</summary>
    public static Task<HostedRun<T>> InspectAsync<T>(OptionValues values, IGateHost host, Func<GateOptions, T> inspect, CancellationToken cancellationToken = default)
        where T : class =>
        RunAsync(values, host, options => Task.FromResult<(T?, IReadOnlyList<Diagnostic>)>((inspect(options), [])), _ => "StageGate: done", (result, _) => result, cancellationToken);

    /// <summary>
    /// A hash of everything that decides the verdict, so a host can skip a run whose inputs already passed; null
    /// when the inputs cannot even be read, so the host runs the gates and they report why.
    /// </summary>
    public static string? InputsFingerprint(OptionValues values, CancellationToken cancellationToken = default)
    {
        try
        {
            return GateFingerprint.Compute(OptionResolver.Resolve(values), cancellationToken);
        }
        catch (Exception e) when (e is StageGateException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the image a passing run built is still there, so a host may hand it on without running the gates:
    /// one image inspect. False when it was deleted, or when the engine cannot be asked; then the gates run and say why.
    /// </summary>
    public static async Task<bool> ImageExistsAsync(OptionValues values, string imageId, CancellationToken cancellationToken = default)
    {
        try
        {
            // An unchanged build must start no process, so the daemon is the one the environment names (DOCKER_HOST,
            // the context), not one a configured docker executable would have to be asked about. A wrong or missing
            // answer only means the gates run again; an image id is a content hash, so finding it is finding the image.
            using var store = ImageMeasurer.StoreFor(Engine.DockerEndpoint.Resolve(), OptionResolver.Resolve(values).Docker);
            return await store.InspectAsync(imageId, cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (Exception e) when (e is StageGateException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static async Task<HostedRun<T>> RunAsync<T>(
        OptionValues values,
        IGateHost host,
        Func<GateOptions, Task<(T? Result, IReadOnlyList<Diagnostic> Diagnostics)>> work,
        Func<T, string> summarize,
        Func<T, IReadOnlyList<Diagnostic>, T> withDiagnostics,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(host);
        T? result = null;
        IReadOnlyList<Diagnostic> diagnostics;
        try
        {
            var options = OptionResolver.Resolve(values);
            (result, diagnostics) = await work(options).ConfigureAwait(false);
        }
        catch (StageGateException e)
        {
            // A run that ended on an exception has no verdict: whatever the code's usual severity, it is an error.
            diagnostics = [e.Diagnostic with { Severity = DiagnosticSeverity.Error }];
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            diagnostics = [];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Still coded and one line: the trace is for bug reports, on request.
            var unexpected = Codes.Unexpected.Create($"{e.GetType().Name}: {e.Message}");
            diagnostics = [Environment.GetEnvironmentVariable("STAGEGATE_DEBUG") == "1" ? unexpected with { Details = e.ToString().Split('\n') } : unexpected];
        }

        // A cancelled run has no verdict, whatever buildx said as it was stopped (a CI runner signals the whole group).
        if (cancellationToken.IsCancellationRequested)
        {
            result = null;
            diagnostics = [Codes.Cancelled.Create("The run was cancelled; buildx was stopped.")];
        }

        diagnostics = diagnostics.Select(d => Placed(d, values.SettingsFile)).ToList();
        foreach (var diagnostic in diagnostics)
        {
            host.Log(diagnostic);
        }
        var exitCode = ExitCodes.For(diagnostics);
        var summary = result is null ? NoResultSummary(diagnostics) : summarize(result);
        return new HostedRun<T>(result is null ? null : withDiagnostics(result, diagnostics), diagnostics, exitCode, summary);
    }

    // Errors and warnings always point somewhere a user can click: the settings (project) file when nothing better.
    private static Diagnostic Placed(Diagnostic diagnostic, string? settingsFile) =>
        diagnostic.File is null && diagnostic.Severity != DiagnosticSeverity.Info && settingsFile is not null
            ? diagnostic with { File = settingsFile }
            : diagnostic;

    private static string LintSummary(LintRun run)
    {
        var count = run.Results.Count;
        return count == 0 ? "StageGate lint: no findings" : $"StageGate lint: {count} finding{(count == 1 ? "" : "s")}";
    }

    private static string NoResultSummary(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.Code == Codes.Cancelled.Code) ? "StageGate: cancelled"
        : diagnostics.Any(d => d.Code == Codes.GatesNotRunWithoutDocker.Code && d.Severity == DiagnosticSeverity.Info) ? "StageGate: not run inside a container, no Docker engine"
        : diagnostics.Any(d => d.Code == Codes.GatesNotRunWithoutDocker.Code) ? "StageGate: not run, no Docker engine"
        : "StageGate: did not run";

    /// <summary>
    /// The reports the options ask for. A report that cannot be written is its own error, after the gates'
    /// diagnostics, so the verdict is never hidden behind it.
    /// </summary>
    private static async Task<GateResult> WriteReportsAsync(GateResult result, GateOptions options, CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        string? written = null;
        foreach (var (option, format) in new[] { (OptionTable.ReportPath, ReportFormat.Json), (OptionTable.JUnitReport, ReportFormat.JUnit), (OptionTable.MarkdownReport, ReportFormat.Markdown) })
        {
            if (options.Get(option) is not { } path)
            {
                continue;
            }
            try
            {
                await ReportFile.WriteAsync(path, Report.Render(result, format), cancellationToken).ConfigureAwait(false);
                written ??= format == ReportFormat.Json ? path : null;
            }
            catch (StageGateException e)
            {
                problems.Add(e.Diagnostic with { Message = $"{e.Diagnostic.Message} (set by {options.NameOf(option)})" });
            }
        }
        return result with { ReportPath = written, Diagnostics = [.. result.Diagnostics, .. problems] };
    }

    /// <summary>The host's progress, as the <see cref="IProgress{T}"/> the pipeline reports to.</summary>
    private sealed class HostProgress(IGateHost host) : IProgress<GateProgress>
    {
        public void Report(GateProgress value) => host.Progress(value);
    }
}
