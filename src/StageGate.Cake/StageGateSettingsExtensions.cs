using Cake.Core.IO;
using StageGate.Gates;

namespace StageGate.Cake;

/// <summary>Fluent helpers for <see cref="StageGateSettings"/>; each sets one option and returns the same settings.</summary>
public static class StageGateSettingsExtensions
{
    public static StageGateSettings WithDockerfile(this StageGateSettings settings, FilePath dockerfile) =>
        Set(settings, s => s.Dockerfile = dockerfile);

    public static StageGateSettings WithContext(this StageGateSettings settings, DirectoryPath context) =>
        Set(settings, s => s.Context = context);

    public static StageGateSettings WithTestTarget(this StageGateSettings settings, string target) =>
        Set(settings, s => s.TestTargets.Add(target));

    public static StageGateSettings WithFinalTarget(this StageGateSettings settings, string target) =>
        Set(settings, s => s.FinalTarget = target);

    public static StageGateSettings WithTag(this StageGateSettings settings, string tag) =>
        Set(settings, s => s.Tags.Add(tag));

    public static StageGateSettings WithSizeBudget(this StageGateSettings settings, string budget) =>
        Set(settings, s => s.SizeBudget = budget);

    /// <summary>Allows the final image to grow by <paramref name="budget"/> (<c>5%</c>, <c>10MB</c>) over the baseline report.</summary>
    public static StageGateSettings WithGrowthBudget(this StageGateSettings settings, string budget, FilePath baseline) =>
        Set(settings, s =>
        {
            s.GrowthBudget = budget;
            s.Baseline = baseline;
        });

    public static StageGateSettings WithBaseline(this StageGateSettings settings, FilePath baseline) =>
        Set(settings, s => s.Baseline = baseline);

    public static StageGateSettings WithReportPath(this StageGateSettings settings, FilePath reportPath) =>
        Set(settings, s => s.ReportPath = reportPath);

    public static StageGateSettings WithBuildArg(this StageGateSettings settings, string name, string value) =>
        Set(settings, s => s.BuildArgs[name] = value);

    /// <summary>
    /// Adds a build secret read from the environment variable <paramref name="env"/> or the file <paramref name="file"/>
    /// (<c>--secret id=…,env=…</c>); with neither, buildx reads the environment variable named like the id.
    /// </summary>
    public static StageGateSettings WithSecret(this StageGateSettings settings, string id, string? env = null, FilePath? file = null) =>
        Set(settings, s => s.Secrets.Add(new BuildSecret(id, env, file?.FullPath)));

    public static StageGateSettings WithLabel(this StageGateSettings settings, string name, string value) =>
        Set(settings, s => s.Labels[name] = value);

    public static StageGateSettings WithBuilder(this StageGateSettings settings, string builder) =>
        Set(settings, s => s.Builder = builder);

    public static StageGateSettings WithPlatform(this StageGateSettings settings, string platform) =>
        Set(settings, s => s.Platforms.Add(platform));

    public static StageGateSettings WithSequential(this StageGateSettings settings, bool sequential = true) =>
        Set(settings, s => s.Sequential = sequential);

    public static StageGateSettings WithNoConfig(this StageGateSettings settings, bool noConfig = true) =>
        Set(settings, s => s.NoConfig = noConfig);

    public static StageGateSettings WithDockerPath(this StageGateSettings settings, FilePath dockerPath) =>
        Set(settings, s => s.DockerPath = dockerPath);

    public static StageGateSettings WithReturnResultOnFailure(this StageGateSettings settings, bool returnResult = true) =>
        Set(settings, s => s.ReturnResultOnFailure = returnResult);

    private static StageGateSettings Set(StageGateSettings settings, Action<StageGateSettings> set)
    {
        ArgumentNullException.ThrowIfNull(settings);
        set(settings);
        return settings;
    }
}
