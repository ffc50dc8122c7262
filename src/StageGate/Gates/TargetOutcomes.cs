using StageGate.Buildx;
using StageGate.Dockerfiles;

namespace StageGate.Gates;

/// <summary>Reads a run's steps back into per-target outcomes, each failure mapped to its Dockerfile line.</summary>
internal static class TargetOutcomes
{
    /// <summary>
    /// Decides how one target ended. In a bake the targets share one exit code, so a target failed when a
    /// step of a stage it needs failed, passed when its export completed, and did not run when another
    /// target's failure cancelled it.
    /// </summary>
    public static TargetOutcome Decide(GatePlan plan, BuildTarget target, IReadOnlyList<BuildRun> runs)
    {
        var own = runs.Where(r => r.ForTarget is null || r.ForTarget == target.BakeName).ToList();
        if (own.Count == 0)
        {
            return new TargetOutcome(GateOutcome.NotRun, TimeSpan.Zero, null);
        }

        var steps = own.SelectMany(r => r.Steps).ToList();
        var mine = steps.Where(s => own.All(r => r.ForTarget is not null) || s.Target == target.BakeName || s.Targets.Contains(target.BakeName)).ToList();
        var duration = Span(mine);
        var needed = plan.Dockerfile.StagesNeededBy(target.Stage).Select(s => s.Index).ToHashSet();
        if (steps.FirstOrDefault(s => s.Failed && !s.IsInternal && FindStage(plan.Dockerfile, s.Stage) is { } stage && needed.Contains(stage.Index)) is { } failed)
        {
            return new TargetOutcome(GateOutcome.Failed, duration, ToFailedStep(plan, target, failed));
        }
        // BuildKit names its export vertex "exporting to …" and sends no typed kind for it: the name is all there is.
        if (own.All(r => r.Succeeded) || mine.Any(s => s.IsInternal && s.IsCompleted && !s.Failed && !s.Cancelled
                && s.Name.Contains("exporting", StringComparison.OrdinalIgnoreCase))
            || target.Output == TargetOutput.CacheOnly && StageCompleted(plan.Dockerfile, target.Stage, steps))
        {
            return new TargetOutcome(GateOutcome.Passed, duration, null);
        }
        return new TargetOutcome(steps.Any(s => s.Failed && !s.IsInternal) ? GateOutcome.NotRun : GateOutcome.Failed, duration, null);
    }

    /// <summary>
    /// A stage ran to its end when its last step completed without error: a test stage exports nothing, so in a
    /// bake another target's failure must not turn its finished run into "not run". A stage without steps of its
    /// own is as complete as the stage it builds on.
    /// </summary>
    private static bool StageCompleted(Dockerfile dockerfile, Stage stage, IReadOnlyList<BuildStep> steps)
    {
        if (dockerfile.Steps(stage).Count == 0)
        {
            return stage.BaseStage is int baseStage && StageCompleted(dockerfile, dockerfile.Stages[baseStage], steps);
        }
        var last = steps.Where(s => !s.IsInternal && s.StepNumber == s.StepCount && FindStage(dockerfile, s.Stage)?.Index == stage.Index).ToList();
        return last.Count > 0 && last.All(s => s.IsCompleted && s.Error is null);
    }

    private static TimeSpan Span(IReadOnlyList<BuildStep> steps)
    {
        var starts = steps.Where(s => s.Started is not null).Select(s => s.Started!.Value).ToList();
        var ends = steps.Where(s => s.Completed is not null).Select(s => s.Completed!.Value).ToList();
        return starts.Count == 0 || ends.Count == 0 ? TimeSpan.Zero : ends.Max() - starts.Min();
    }

    private static FailedStep ToFailedStep(GatePlan plan, BuildTarget target, BuildStep step)
    {
        var stage = FindStage(plan.Dockerfile, step.Stage);
        var instruction = stage is not null && step.StepNumber is int n ? plan.Dockerfile.InstructionForStep(stage, n) : null;
        var stepText = step.StepNumber is int number && step.StepCount is int count ? $"{number}/{count}" : "?";
        return new FailedStep(
            target.Stage.DisplayName,
            stage?.DisplayName ?? step.Stage ?? "",
            step.StepNumber ?? 0,
            step.Instruction,
            instruction?.StartLine,
            step.Error ?? "failed",
            step.LogTail.Select(l => l.Text).ToList())
        {
            StepText = stepText,
        };
    }

    /// <summary>The stage a step's progress name points at; a lone stage's steps carry no stage name.</summary>
    private static Stage? FindStage(Dockerfile dockerfile, string? name) => dockerfile.FindStageForProgress(name);
}
