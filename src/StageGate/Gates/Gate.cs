namespace StageGate.Gates;

/// <summary>
/// The one pipeline every front end calls: options → plan → run → measure → verdict → report.
/// Input errors surface as <see cref="Diagnostics.StageGateException"/> before docker starts.
/// </summary>
internal static class Gate
{
    /// <summary>Runs the test stages and the final stage, measures the final image and decides.</summary>
    public static Task<GateResult> CheckAsync(
        GateOptions options,
        IProgress<GateProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        GatePipeline.CheckAsync(options, progress, cancellationToken);

    /// <summary>Builds one stage (e.g. a test stage) and reports whether it passed.</summary>
    public static Task<StageBuildResult> BuildStageAsync(
        GateOptions options,
        string target,
        IProgress<GateProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        GatePipeline.BuildStageAsync(options, target, progress, cancellationToken);

    /// <summary>Measures an existing image and checks it against an optional size budget.</summary>
    public static Task<MeasureResult> MeasureAsync(
        string image,
        string? sizeBudget = null,
        string? dockerPath = null,
        CancellationToken cancellationToken = default) =>
        GatePipeline.MeasureAsync(image, sizeBudget, dockerPath, cancellationToken);

    /// <summary>
    /// A hash of everything that decides the gates' outcome — Dockerfile, stagegate.json, options and
    /// the build context's included files — so a host can skip a run whose inputs already passed.
    /// </summary>
    public static string InputsFingerprint(GateOptions options, CancellationToken cancellationToken = default) =>
        GatePipeline.InputsFingerprint(options, cancellationToken);
}
