using Cake.Core;
using StageGate.Ci;
using StageGate.Dockerfiles;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Cake;

/// <summary>
/// What the aliases share: settings to raw values, the core call, and the decision to fail the Cake task.
/// The core logs each diagnostic once; the exception only points at them.
/// </summary>
internal static class StageGateRun
{
    public static GateResult Check(ICakeContext context, StageGateSettings settings) =>
        Run(context, settings, (values, host) => HostedGate.CheckAsync(values, host));

    public static StageBuildResult BuildStage(ICakeContext context, string target, StageGateSettings settings) =>
        Run(context, settings, (values, host) => HostedGate.BuildStageAsync(values, target, host));

    public static MeasureResult Measure(ICakeContext context, string image, string? sizeBudget, StageGateSettings settings) =>
        Run(context, settings, (values, host) => HostedGate.MeasureAsync(values.Add(OptionTable.SizeBudget, sizeBudget), image, host));

    public static Dockerfile Stages(ICakeContext context, StageGateSettings settings) =>
        Run(context, settings, (values, host) => HostedGate.InspectAsync(values, host,
            options => Dockerfile.Load(options.Dockerfile, options.Get(OptionTable.BuildArgs))), summarize: false);

    private static T Run<T>(ICakeContext context, StageGateSettings settings, Func<OptionValues, IGateHost, Task<HostedRun<T>>> work, bool summarize = true)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var values = settings.ToValues(context.Environment.WorkingDirectory);
        var host = new CakeHost(context.Log, CiSystem.Detect(values));
        // Cake aliases are synchronous; running on the thread pool keeps a script's synchronization context from deadlocking the wait.
        var run = Task.Run(() => work(values, host)).GetAwaiter().GetResult();
        host.CiCommands(run.CiCommands);
        // A run without a result has only its errors to say, and they were logged; its exception points at them.
        if (summarize && run.Result is not null)
        {
            host.Summary(run.Summary);
        }
        // Input errors (no result) fail the task whatever the settings say; a failed gate only when asked to.
        return run.Result is { } result && (run.Passed || settings.ReturnResultOnFailure)
            ? result
            : throw new CakeException(run.FailureText);
    }
}
