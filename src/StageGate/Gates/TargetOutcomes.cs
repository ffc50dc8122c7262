using StageGate.Buildx;
using StageGate.Dockerfiles;

namespace StageGate.Gates;

/// <summary>Reads a run's steps back into per-target outcomes, each failure mapped to its Dockerfile line.</summary>
internal static class TargetOutcomes
{
    /// <summary>
    /// Decides how one target ended. A target passes only on evidence: an image target on the image id buildx's
    /// metadata gives it (or, in a bake another target failed, on its completed export), a test stage on the
    /// progress of its stage's last step. A stage's own failing step fails it; a step of a build stage that the
    /// final stage and a test stage both need is that stage's failure, said once; an environment failure, a target
    /// another target's failure stopped, and a run that exited 0 without evidence leave it not run, with the cause.
    /// </summary>
    public static TargetOutcome Decide(GatePlan plan, BuildTarget target, IReadOnlyList<BuildRun> runs)
    {
        var own = runs.Where(r => r.ForTarget is null || r.ForTarget == target.BakeName).ToList();
        if (own.Count == 0)
        {
            return NotRun(NotRunCause.StoppedAfterTestFailure, TimeSpan.Zero);
        }

        var steps = own.SelectMany(r => r.Steps).ToList();
        var mine = steps.Where(s => own.All(r => r.ForTarget is not null) || s.Targets.Contains(target.BakeName)).ToList();
        var duration = Busy(mine);
        var needed = plan.Dockerfile.StagesNeededBy(target.Stage).Select(s => s.Index).ToHashSet();
        if (steps.FirstOrDefault(s => s.FailedInStage && FindStage(plan.Dockerfile, s.Stage) is { } stage && needed.Contains(stage.Index)) is { } failed)
        {
            var failure = ToFailedStep(plan, target, failed);
            return IsShared(plan, FindStage(plan.Dockerfile, failed.Stage)!)
                ? NotRun(NotRunCause.SharedStageFailed, duration) with { Failure = failure }
                : new TargetOutcome(GateOutcome.Failed, duration, failure);
        }

        if (target.Output == TargetOutput.Image)
        {
            if (own.Select(r => r.Metadata.For(target.BakeName)).FirstOrDefault(m => m?.ImageId is not null) is { ImageId: { } imageId } metadata)
            {
                return new TargetOutcome(GateOutcome.Passed, duration, null) { ImageId = imageId, Metadata = metadata };
            }
            // bake writes no metadata once any target failed; its export vertex is then the only evidence, and BuildKit
            // sends no typed kind for it: the name "exporting to …" is all there is. Built, but not measurable by id.
            if (own.Any(r => !r.Succeeded) && mine.Any(s => s.IsInternal && s.IsCompleted && !s.Failed && !s.Cancelled
                    && s.Name.Contains("exporting", StringComparison.OrdinalIgnoreCase)))
            {
                return new TargetOutcome(GateOutcome.Passed, duration, null);
            }
        }
        else if (StageCompleted(plan.Dockerfile, target.Stage, steps)
            // BuildKit 0.8 may report no vertex at all for a stage whose every step is cached and whose result nothing
            // exports; buildx still writes the target's entry (its build ref) to the metadata file only after solving it.
            || own.Any(r => r.Succeeded && r.Metadata.For(target.BakeName) is not null))
        {
            return new TargetOutcome(GateOutcome.Passed, duration, null);
        }

        var cause = own.All(r => r.Succeeded) ? NotRunCause.NoResult
            : steps.Any(s => s.FailedInStage) ? NotRunCause.OtherTargetFailed
            : NotRunCause.EnvironmentFailed;
        return NotRun(cause, duration);
    }

    private static TargetOutcome NotRun(NotRunCause cause, TimeSpan duration) =>
        new(GateOutcome.NotRun, duration, null) { NotRun = cause };

    /// <summary>A build stage that is neither a test stage nor the final stage, needed by both: its failure is no single gate's.</summary>
    internal static bool IsShared(GatePlan plan, Stage stage) =>
        stage.Index != plan.FinalStage.Index
        && plan.TestStages.All(t => t.Index != stage.Index)
        && Needs(plan, plan.FinalStage, stage)
        && plan.TestStages.Any(t => Needs(plan, t, stage));

    private static bool Needs(GatePlan plan, Stage target, Stage stage) =>
        plan.Dockerfile.StagesNeededBy(target).Any(s => s.Index == stage.Index);

    /// <summary>
    /// A stage ran to its end when its last step completed without error: a test stage exports nothing, so this
    /// progress is the evidence it ran, and in a bake another target's failure must not turn its finished run
    /// into "not run". A stage without steps of its own is as complete as the stage it builds on.
    /// </summary>
    private static bool StageCompleted(Dockerfile dockerfile, Stage stage, IReadOnlyList<BuildStep> steps)
    {
        if (dockerfile.Steps(stage).Count == 0)
        {
            return stage.BaseStage is int baseStage && StageCompleted(dockerfile, dockerfile.Stages[baseStage], steps);
        }
        var last = steps.Where(s => !s.IsInternal && s.StepNumber == s.StepCount && FindStage(dockerfile, s.Stage)?.Index == stage.Index).ToList();
        // Two targets of a bake that run the same step (a test stage and its results export) each get a vertex for it;
        // BuildKit runs it once and may report the end under one of them only. Per platform, one finished copy is the
        // evidence, and none may have failed.
        return last.Count > 0 && !last.Any(s => s.Failed)
            && last.GroupBy(s => s.Platform).All(g => g.Any(s => s.IsCompleted && s.Error is null));
    }

    /// <summary>
    /// The time the target's own steps ran, overlaps counted once. Cached steps cost nothing this run and may carry
    /// the times of the run that filled the cache; internal steps are shared by every target of a bake. Counting
    /// either made parallel stages each report the whole run, and more of it every run.
    /// </summary>
    internal static TimeSpan Busy(IReadOnlyList<BuildStep> steps)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? coveredUntil = null;
        foreach (var step in steps.Where(s => !s.IsInternal && !s.Cached && s.Started is not null && s.Completed is not null).OrderBy(s => s.Started))
        {
            var from = coveredUntil is { } covered && covered > step.Started!.Value ? covered : step.Started!.Value;
            if (step.Completed!.Value > from)
            {
                total += step.Completed.Value - from;
                coveredUntil = step.Completed;
            }
        }
        return total;
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
