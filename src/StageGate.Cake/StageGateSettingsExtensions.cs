using Cake.Core.IO;
using StageGate.Gates;

namespace StageGate.Cake;

/// <summary>Fluent helpers for <see cref="StageGateSettings"/>; each sets one option and returns the same settings.</summary>
public static class StageGateSettingsExtensions
{
    /// <summary>Sets the Dockerfile (<c>--file</c>): <see cref="StageGateSettings.Dockerfile"/>.</summary>
    public static StageGateSettings WithDockerfile(this StageGateSettings settings, FilePath dockerfile) =>
        Set(settings, s => s.Dockerfile = dockerfile);

    /// <summary>Sets the build context folder: <see cref="StageGateSettings.Context"/>.</summary>
    public static StageGateSettings WithContext(this StageGateSettings settings, DirectoryPath context) =>
        Set(settings, s => s.Context = context);

    /// <summary>Adds a test stage to build explicitly (<c>--test-target</c>); call once per stage.</summary>
    public static StageGateSettings WithTestTarget(this StageGateSettings settings, string target) =>
        Set(settings, s => s.TestTargets.Add(target));

    /// <summary>Sets the stage that ships (<c>--final-target</c>): <see cref="StageGateSettings.FinalTarget"/>.</summary>
    public static StageGateSettings WithFinalTarget(this StageGateSettings settings, string target) =>
        Set(settings, s => s.FinalTarget = target);

    /// <summary>Adds a tag for the final image (<c>--tag</c>); call once per tag.</summary>
    public static StageGateSettings WithTag(this StageGateSettings settings, string tag) =>
        Set(settings, s => s.Tags.Add(tag));

    /// <summary>Sets the final image's absolute size budget (<c>--budget</c>), e.g. <c>150MB</c>.</summary>
    public static StageGateSettings WithSizeBudget(this StageGateSettings settings, string budget) =>
        Set(settings, s => s.SizeBudget = budget);

    /// <summary>Allows the final image to grow by <paramref name="budget"/> (<c>5%</c>, <c>10MB</c>) over the baseline report.</summary>
    public static StageGateSettings WithGrowthBudget(this StageGateSettings settings, string budget, FilePath baseline) =>
        Set(settings, s =>
        {
            s.GrowthBudget = budget;
            s.Baseline = baseline;
        });

    /// <summary>Sets the earlier run's JSON report that the growth budget compares with (<c>--baseline</c>).</summary>
    public static StageGateSettings WithBaseline(this StageGateSettings settings, FilePath baseline) =>
        Set(settings, s => s.Baseline = baseline);

    /// <summary>Sets where this run's JSON report is written (<c>--report</c>).</summary>
    public static StageGateSettings WithReportPath(this StageGateSettings settings, FilePath reportPath) =>
        Set(settings, s => s.ReportPath = reportPath);

    /// <summary>Sets a build argument (<c>--build-arg NAME=value</c>); a later call for the same name wins.</summary>
    public static StageGateSettings WithBuildArg(this StageGateSettings settings, string name, string value) =>
        Set(settings, s => s.BuildArgs[name] = value);

    /// <summary>
    /// Adds a build secret read from the environment variable <paramref name="env"/> or the file <paramref name="file"/>
    /// (<c>--secret id=…,env=…</c>); with neither, buildx reads the environment variable named like the id.
    /// </summary>
    public static StageGateSettings WithSecret(this StageGateSettings settings, string id, string? env = null, FilePath? file = null) =>
        Set(settings, s => s.Secrets.Add(new BuildSecret(id, env, file?.FullPath)));

    /// <summary>Sets a label of the final image (<c>--label NAME=value</c>); a later call for the same name wins.</summary>
    public static StageGateSettings WithLabel(this StageGateSettings settings, string name, string value) =>
        Set(settings, s => s.Labels[name] = value);

    /// <summary>Sets the buildx builder (<c>--builder</c>).</summary>
    public static StageGateSettings WithBuilder(this StageGateSettings settings, string builder) =>
        Set(settings, s => s.Builder = builder);

    /// <summary>Adds a target platform (<c>--platform</c>), e.g. <c>linux/amd64</c>; call once per platform.</summary>
    public static StageGateSettings WithPlatform(this StageGateSettings settings, string platform) =>
        Set(settings, s => s.Platforms.Add(platform));

    /// <summary>Runs the test stages first and stops when they fail, instead of one parallel bake (<c>--sequential</c>).</summary>
    public static StageGateSettings WithSequential(this StageGateSettings settings, bool sequential = true) =>
        Set(settings, s => s.Sequential = sequential);

    /// <summary>Ignores <c>stagegate.json</c> beside the Dockerfile (<c>--no-config</c>).</summary>
    public static StageGateSettings WithNoConfig(this StageGateSettings settings, bool noConfig = true) =>
        Set(settings, s => s.NoConfig = noConfig);

    /// <summary>Sets the docker executable (<c>--docker</c>); measuring uses the daemon of its current context.</summary>
    public static StageGateSettings WithDockerPath(this StageGateSettings settings, FilePath dockerPath) =>
        Set(settings, s => s.DockerPath = dockerPath);

    /// <summary>Returns a failing result instead of failing the Cake task: <see cref="StageGateSettings.ReturnResultOnFailure"/>.</summary>
    public static StageGateSettings WithReturnResultOnFailure(this StageGateSettings settings, bool returnResult = true) =>
        Set(settings, s => s.ReturnResultOnFailure = returnResult);

    private static StageGateSettings Set(StageGateSettings settings, Action<StageGateSettings> set)
    {
        ArgumentNullException.ThrowIfNull(settings);
        set(settings);
        return settings;
    }
}
