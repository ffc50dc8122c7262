using System.Text;
using Cake.Core;
using Cake.Core.Diagnostics;
using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using StageGate.Gates;

namespace StageGate.Cake;

/// <summary>
/// Everything the aliases share: settings to options, the core call, logging, and the decision to fail
/// the Cake task. It renders the core's result; it never decides a gate itself.
/// </summary>
internal sealed class StageGateRun
{
    private readonly CakeGateLog _log;
    private readonly bool _returnResultOnFailure;

    private StageGateRun(ICakeContext context, StageGateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        Options = settings.ToGateOptions(context.Environment.WorkingDirectory);
        _returnResultOnFailure = settings.ReturnResultOnFailure;
        _log = new CakeGateLog(context.Log, SecretValues(Options.Secrets, context.Environment.GetEnvironmentVariable));
    }

    public GateOptions Options { get; }

    public static GateResult Check(ICakeContext context, StageGateSettings settings)
    {
        var run = new StageGateRun(context, settings);
        var result = run.Await(() => Gate.CheckAsync(run.Options, run._log));
        run._log.Write(result.Diagnostics);
        return run.Passed(result, result.Passed, () => DescribeFailure(result));
    }

    public static StageBuildResult BuildStage(ICakeContext context, string target, StageGateSettings settings)
    {
        var run = new StageGateRun(context, settings);
        var result = run.Await(() => Gate.BuildStageAsync(run.Options, target, run._log));
        run._log.Write(result.Diagnostics);
        return run.Passed(result, result.Passed, () => DescribeFailure(result.Diagnostics, [result.Failure], $"Stage '{target}' failed."));
    }

    public static MeasureResult Measure(ICakeContext context, string image, string? sizeBudget, StageGateSettings settings)
    {
        var run = new StageGateRun(context, settings);
        var result = run.Await(() => Gate.MeasureAsync(image, sizeBudget, run.Options.DockerPath));
        if (result.Budget is { } budget)
        {
            var (verbosity, level) = budget.Outcome switch
            {
                GateOutcome.Failed => (Verbosity.Quiet, LogLevel.Error),
                GateOutcome.CouldNotMeasure => (Verbosity.Minimal, LogLevel.Warning),
                _ => (Verbosity.Minimal, LogLevel.Information),
            };
            run._log.Write(verbosity, level, $"{image}: {budget.Summary}");
        }
        return run.Passed(result, result.Passed, () => $"{image}: error {Codes.OverBudget.Code}: {result.Budget?.Summary}");
    }

    public static Dockerfile Stages(ICakeContext context, StageGateSettings settings)
    {
        var run = new StageGateRun(context, settings);
        return run.Guard(() => Dockerfile.Load(run.Options.Dockerfile, run.Options.BuildArgs));
    }

    internal static string DescribeFailure(GateResult result) =>
        DescribeFailure(
            result.Diagnostics,
            [.. result.TestStages.Select(t => t.Failure), result.FinalImage?.Failure],
            $"StageGate failed for {result.Dockerfile}.");

    /// <summary>The exception text: every error diagnostic, then the failing steps' output unless a diagnostic already shows it.</summary>
    internal static string DescribeFailure(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<FailedStep?> failures, string headline)
    {
        var text = new StringBuilder(headline);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        foreach (var error in errors)
        {
            text.AppendLine().Append(CakeGateLog.Describe(error));
        }
        if (errors.All(e => e.Details.Count == 0))
        {
            foreach (var failure in failures.OfType<FailedStep>())
            {
                text.AppendLine().Append(FormattableString.Invariant($"  {failure.Stage} step {failure.Step}: {failure.Instruction}"));
                foreach (var line in failure.Output)
                {
                    text.AppendLine().Append("    ").Append(line);
                }
            }
        }
        return text.ToString();
    }

    // Cake aliases are synchronous; running the pipeline on the thread pool keeps a script's
    // synchronization context (if a host installs one) from deadlocking the wait.
    private T Await<T>(Func<Task<T>> run) => Guard(() => Task.Run(run).GetAwaiter().GetResult());

    /// <summary>Input errors the core finds before docker runs fail the task whatever the settings say.</summary>
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (StageGateException e)
        {
            throw new CakeException(_log.Redact(CakeGateLog.Describe(e.Diagnostic)));
        }
    }

    private T Passed<T>(T result, bool passed, Func<string> describeFailure) =>
        passed || _returnResultOnFailure ? result : throw new CakeException(_log.Redact(describeFailure()));

    // buildx reads a secret with neither env nor src from the variable named like its id.
    private static IEnumerable<string?> SecretValues(IEnumerable<BuildSecret> secrets, Func<string, string?> environment) =>
        secrets.Where(s => s.File is null).Select(s => environment(s.Environment ?? s.Id));
}
