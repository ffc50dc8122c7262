using StageGate.Dockerfiles;

namespace StageGate.Gates;

internal static class BuildTargets
{
    public static IReadOnlyList<BuildTarget> For(GatePlan plan)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new List<BuildTarget>();
        foreach (var test in plan.TestStages)
        {
            targets.Add(Create(plan, test, TargetRole.Test, null, names));
        }
        targets.Add(Create(plan, plan.FinalStage, TargetRole.Final, plan.FinalTag, names));
        if (plan.BuilderStage is { } builder && builder.Index != plan.FinalStage.Index && plan.BuilderTag is not null && builder.Name is not null)
        {
            targets.Add(Create(plan, builder, TargetRole.Builder, plan.BuilderTag, names));
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
