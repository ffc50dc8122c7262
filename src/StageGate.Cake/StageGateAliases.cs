using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using StageGate.Dockerfiles;
using StageGate.Gates;

namespace StageGate.Cake;

/// <summary>
/// Cake aliases that gate a Docker multi-stage build: run its test stages, build and measure the final
/// image, and fail the task — pointing at the Dockerfile line — when a test or a size budget breaks.
/// </summary>
/// <example>
/// <code>
/// #addin nuget:?package=StageGate.Cake&amp;version=0.1.0
/// Task("Image").Does(() => StageGateCheck(new StageGateSettings { SizeBudget = "150MB" }));
/// </code>
/// </example>
[CakeAliasCategory("StageGate")]
[CakeNamespaceImport("StageGate.Cake")]
[CakeNamespaceImport("StageGate.Gates")]
[CakeNamespaceImport("StageGate.Diagnostics")]
[CakeNamespaceImport("StageGate.Dockerfiles")]
public static class StageGateAliases
{
    /// <summary>Gates <c>./Dockerfile</c> with what <c>stagegate.json</c> beside it says.</summary>
    [CakeMethodAlias]
    public static GateResult StageGateCheck(this ICakeContext context) =>
        StageGateRun.Check(context, new StageGateSettings());

    /// <summary>
    /// Runs the test stages and the final stage, measures the final image and checks its budgets.
    /// Fails the task with the Dockerfile line of a failing step, or the sizes of a broken budget,
    /// unless <see cref="StageGateSettings.ReturnResultOnFailure"/> is set.
    /// </summary>
    [CakeMethodAlias]
    public static GateResult StageGateCheck(this ICakeContext context, StageGateSettings settings) =>
        StageGateRun.Check(context, settings);

    /// <summary>Builds one stage, e.g. a test stage, and fails the task when it fails.</summary>
    [CakeMethodAlias]
    public static StageBuildResult StageGateBuildStage(this ICakeContext context, string target, StageGateSettings settings) =>
        StageGateRun.BuildStage(context, target, settings);

    /// <summary>Measures an existing image: its size and layers.</summary>
    [CakeMethodAlias]
    public static MeasureResult StageGateMeasure(this ICakeContext context, string image) =>
        StageGateRun.Measure(context, image, null, new StageGateSettings());

    /// <summary>Measures an existing image and fails the task when it is over <paramref name="sizeBudget"/> (e.g. <c>150MB</c>).</summary>
    [CakeMethodAlias]
    public static MeasureResult StageGateMeasure(this ICakeContext context, string image, string sizeBudget) =>
        StageGateRun.Measure(context, image, sizeBudget, new StageGateSettings());

    /// <summary>Measures an existing image with the docker path and failure handling of <paramref name="settings"/>.</summary>
    [CakeMethodAlias]
    public static MeasureResult StageGateMeasure(this ICakeContext context, string image, string? sizeBudget, StageGateSettings settings) =>
        StageGateRun.Measure(context, image, sizeBudget, settings);

    /// <summary>Parses a Dockerfile as BuildKit does: its stages, their instructions and lines, and what each stage needs.</summary>
    [CakeMethodAlias]
    public static Dockerfile StageGateStages(this ICakeContext context, FilePath dockerfile) =>
        StageGateRun.Stages(context, new StageGateSettings { Dockerfile = dockerfile });

    /// <summary>Parses the settings' Dockerfile with their build arguments, which a <c>FROM ${BASE}</c> may need.</summary>
    [CakeMethodAlias]
    public static Dockerfile StageGateStages(this ICakeContext context, StageGateSettings settings) =>
        StageGateRun.Stages(context, settings);
}
