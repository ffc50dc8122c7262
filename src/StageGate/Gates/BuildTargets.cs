using StageGate.Dockerfiles;

namespace StageGate.Gates;

internal static class BuildTargets
{
    /// <summary>
    /// The tests, the final stage and, when <paramref name="measureBuilder"/>, the builder stage it copies from, loaded
    /// untagged: a tag per project would leave a builder image of hundreds of megabytes on every machine. A build for
    /// several platforms measures no builder: the engine loads one platform only.
    /// </summary>
    public static IReadOnlyList<BuildTarget> For(GatePlan plan, bool measureBuilder = true)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new List<BuildTarget>();
        foreach (var test in plan.TestStages)
        {
            targets.Add(Create(plan, test, TargetRole.Test, null, names));
        }
        targets.Add(Create(plan, plan.FinalStage, TargetRole.Final, plan.FinalTag, names));
        // The builder is measured by loading it into the engine, which takes one platform only.
        if (measureBuilder && plan.Options.Get(Hosting.OptionTable.Platforms).Count <= 1 && plan.BuilderStage is { } builder && builder.Index != plan.FinalStage.Index && builder.Name is not null)
        {
            targets.Add(Create(plan, builder, TargetRole.Builder, null, names));
        }
        return targets;
    }

    private static BuildTarget Create(GatePlan plan, Stage stage, TargetRole role, string? tag, HashSet<string> names)
    {
        var baseName = new string(stage.DisplayName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        var bakeName = baseName;
        for (var i = 2; !names.Add(bakeName); i++)
        {
            bakeName = $"{baseName}-{i}";
        }
        return new BuildTarget(stage, role, bakeName, tag) { TargetName = stage.Index == plan.Dockerfile.Stages.Count - 1 ? null : stage.Name };
    }
}
