using System.Diagnostics;
using StageGate.Budgets;
using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Files;
using StageGate.Hosting;
using StageGate.Measurement;
using StageGate.Reports;

namespace StageGate.Gates;

/// <summary>plan → run → measure → verdict → report, in that order, once for every front end.</summary>
internal static class GatePipeline
{
    public static async Task<GateResult> CheckAsync(GateOptions options, IProgress<GateProgress>? progress, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var plan = GatePlan.Create(options);
        var docker = DockerExecutable(plan.Options);
        await DockerProbe.EnsureReadyAsync(docker, plan.Options.Get(OptionTable.Builder), cancellationToken);

        var diagnostics = new List<Diagnostic>(plan.Warnings);
        var targets = BuildTargets.For(plan);
        progress?.Report(new GateProgress(GateProgressLevel.Summary,
            $"StageGate: building {Describe(plan)} from {plan.DockerfilePath}"));

        var runs = plan.Options.Get(OptionTable.Sequential)
            ? await RunSequentialAsync(plan, targets, docker, progress, cancellationToken)
            : [await RunBakeAsync(plan, targets, docker, progress, cancellationToken)];

        var outcomes = targets.Select(t => (Target: t, Outcome: TargetOutcomes.Decide(plan, t, runs))).ToList();
        foreach (var failure in UnattributedFailures(runs, outcomes.Select(o => o.Outcome)))
        {
            diagnostics.Add(failure);
        }

        var tests = new List<TestStageResult>();
        foreach (var (target, outcome) in outcomes.Where(o => o.Target.Role == TargetRole.Test))
        {
            tests.Add(new TestStageResult(target.Stage.DisplayName, outcome.Outcome, outcome.Duration, outcome.Failure));
            if (outcome.Failure is { } failure)
            {
                diagnostics.Add(StepDiagnostic(Codes.TestStepFailed, "Test stage", plan, failure));
            }
        }

        var final = outcomes.Single(o => o.Target.Role == TargetRole.Final);
        var builder = outcomes.SingleOrDefault(o => o.Target.Role == TargetRole.Builder);
        FinalImageResult image;
        if (final.Outcome.Outcome == GateOutcome.Passed)
        {
            using var store = ImageMeasurer.OpenStore(docker);
            var (measured, problem) = await ImageMeasurer.MeasureAsync(
                store, plan.FinalTag, plan.Dockerfile, plan.FinalStage,
                builder.Outcome?.Outcome == GateOutcome.Passed ? plan.BuilderTag : null,
                plan.BuilderStage?.DisplayName, cancellationToken);
            image = measured;
            if (problem is not null)
            {
                diagnostics.Add(problem.Diagnostic with { File = plan.DockerfilePath, Line = plan.FinalStage.Line });
            }
        }
        else
        {
            image = new FinalImageResult
            {
                Target = plan.FinalStage.DisplayName,
                Outcome = final.Outcome.Outcome,
                Failure = final.Outcome.Failure,
            };
            if (final.Outcome.Failure is { } failure)
            {
                diagnostics.Add(StepDiagnostic(Codes.FinalStepFailed, "Final stage", plan, failure));
            }
        }

        var budgets = EvaluateBudgets(plan, image, diagnostics);
        var steps = runs.SelectMany(r => r.Steps)
            .Where(s => !s.IsInternal && s.IsCompleted)
            .Select(s => new StepTiming(s.Target ?? s.Stage ?? "", s.Name, s.Cached, s.Duration ?? TimeSpan.Zero))
            .ToList();

        var result = new GateResult
        {
            Dockerfile = plan.DockerfilePath,
            Context = plan.ContextDirectory,
            TestStages = tests,
            FinalImage = image,
            Budgets = budgets,
            Diagnostics = diagnostics,
            Steps = steps,
            Duration = Stopwatch.GetElapsedTime(started),
        };

        return result;
    }

    public static async Task<StageBuildResult> BuildStageAsync(GateOptions options, string target, IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = GatePlan.Create(options.With(OptionTable.FinalTarget, target).With<IReadOnlyList<string>>(OptionTable.TestTargets, []));
        var docker = DockerExecutable(plan.Options);
        await DockerProbe.EnsureReadyAsync(docker, plan.Options.Get(OptionTable.Builder), cancellationToken);
        var build = new BuildTarget(plan.FinalStage, TargetRole.Final, BakeName: "final", Tag: plan.Options.Get(OptionTable.Tags).Count > 0 ? plan.FinalTag : null);
        var run = await BuildxRunner.RunAsync(docker, SingleBuild(plan, build), null, plan.ContextDirectory, plan.SecretValues, progress, cancellationToken)
            with { ForTarget = build.BakeName };
        var outcome = TargetOutcomes.Decide(plan, build, [run]);
        var diagnostics = UnattributedFailures([run], [outcome]).ToList();
        if (outcome.Failure is { } failure)
        {
            diagnostics.Add(StepDiagnostic(Codes.TestStepFailed, "Stage", plan, failure));
        }
        return new StageBuildResult(plan.FinalStage.DisplayName, outcome.Outcome, outcome.Duration)
        {
            Failure = outcome.Failure,
            Diagnostics = diagnostics,
        };
    }

    public static async Task<MeasureResult> MeasureAsync(GateOptions options, string image, CancellationToken cancellationToken)
    {
        var budget = options.Get(OptionTable.SizeBudget) is { } text ? SizeBudget.Parse(text) : null;
        using var store = ImageMeasurer.OpenStore(DockerExecutable(options));
        var (measured, problem) = await ImageMeasurer.MeasureAsync(store, image, null, null, null, null, cancellationToken);
        if (problem is { ImageMissing: true })
        {
            throw Codes.CouldNotMeasure.Exception($"Image '{image}' does not exist; build or pull it first.");
        }
        var verdict = budget?.Evaluate(measured.SizeBytes is long size ? ByteSize.FromBytes(size) : null, problem?.Diagnostic.Message);
        var diagnostics = new List<Diagnostic>();
        if (problem is not null)
        {
            diagnostics.Add(problem.Diagnostic);
        }
        if (verdict is { Failed: true })
        {
            diagnostics.Add(Codes.OverBudget.Create(
                $"Image '{image}' is over its size budget. {verdict.Summary}. To change the budget, set {options.NameOf(OptionTable.SizeBudget)}.")
                with { Details = TopLayers(measured) });
        }
        return new MeasureResult(measured, verdict) { Diagnostics = diagnostics };
    }

    private static string DockerExecutable(GateOptions options) => options.Docker;

    private static async Task<IReadOnlyList<BuildRun>> RunSequentialAsync(
        GatePlan plan, IReadOnlyList<BuildTarget> targets, string docker, IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        var runs = new List<BuildRun>();
        foreach (var target in targets)
        {
            var run = await BuildxRunner.RunAsync(docker, SingleBuild(plan, target), null, plan.ContextDirectory, plan.SecretValues, progress, cancellationToken);
            runs.Add(run with { ForTarget = target.BakeName });
            if (!run.Succeeded && target.Role == TargetRole.Test)
            {
                progress?.Report(new GateProgress(GateProgressLevel.Summary,
                    $"StageGate: test stage '{target.Stage.DisplayName}' failed; the final stage is not built ({plan.Options.NameOf(OptionTable.Sequential)})."));
                break;
            }
        }
        return runs;
    }

    private static IReadOnlyList<string> SingleBuild(GatePlan plan, BuildTarget target)
    {
        var options = new BuildxBuildOptions
        {
            Context = plan.ContextDirectory,
            Dockerfile = plan.DockerfilePath,
            Target = target.TargetName,
            Tags = target.Role == TargetRole.Final ? FinalTags(plan) : target.Tag is null ? [] : [target.Tag],
            BuildArgs = plan.Options.Get(OptionTable.BuildArgs),
            Labels = target.Role == TargetRole.Final ? plan.Options.Get(OptionTable.Labels) : new Dictionary<string, string>(),
            Secrets = Secrets(plan),
            Platforms = plan.Options.Get(OptionTable.Platforms),
            Builder = plan.Options.Get(OptionTable.Builder),
            Outputs = [target.OutputArgument],
            Progress = ProgressMode.RawJson,
        };
        return options.ToArguments();
    }

    /// <summary>Builds every target in one bake; its definition file lives in the temp folder only while buildx runs.</summary>
    private static async Task<BuildRun> RunBakeAsync(
        GatePlan plan, IReadOnlyList<BuildTarget> targets, string docker, IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        var bakeFile = Path.Combine(Path.GetTempPath(), $"stagegate-{Guid.NewGuid():N}.bake.json");
        try
        {
            await WriteBakeFileAsync(bakeFile, BakeJson(plan, targets), cancellationToken);
            return await BuildxRunner.RunAsync(docker, BakeArguments(plan, targets, bakeFile), targets.Select(t => t.BakeName).ToList(),
                plan.ContextDirectory, plan.SecretValues, progress, cancellationToken);
        }
        finally
        {
            AtomicFile.DeleteQuietly(bakeFile);
        }
    }

    /// <summary>Writes buildx's bake definition whole or not at all; a full temp folder is the machine's problem, so it is SG2011.</summary>
    internal static async Task WriteBakeFileAsync(string bakeFile, string json, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.WriteAllTextAsync(bakeFile, json, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.TemporaryFileNotWritten.Create($"Could not write buildx's bake file '{bakeFile}': {e.Message}"), e);
        }
    }

    private static string BakeJson(GatePlan plan, IReadOnlyList<BuildTarget> targets)
    {
        var definition = new BakeDefinition(targets.Select(t => new BakeTarget(t.BakeName)
        {
            Context = plan.ContextDirectory,
            Dockerfile = plan.DockerfilePath,
            Target = t.TargetName,
            Tags = t.Role == TargetRole.Final ? FinalTags(plan) : t.Tag is null ? [] : [t.Tag],
            Args = plan.Options.Get(OptionTable.BuildArgs),
            Labels = t.Role == TargetRole.Final ? plan.Options.Get(OptionTable.Labels) : new Dictionary<string, string>(),
            Secrets = Secrets(plan),
            Platforms = plan.Options.Get(OptionTable.Platforms),
            Outputs = [t.OutputArgument],
        }).ToList())
        {
            DefaultGroup = targets.Select(t => t.BakeName).ToList(),
        };
        return definition.ToJson();
    }

    private static IReadOnlyList<string> BakeArguments(GatePlan plan, IReadOnlyList<BuildTarget> targets, string bakeFile) =>
        new BakeOptions(bakeFile)
        {
            Targets = targets.Select(t => t.BakeName).ToList(),
            Progress = ProgressMode.RawJson,
            Builder = plan.Options.Get(OptionTable.Builder),
        }.ToArguments();

    private static IReadOnlyList<string> FinalTags(GatePlan plan) =>
        plan.Options.Get(OptionTable.Tags) is { Count: > 0 } tags ? tags : [plan.FinalTag];

    private static IReadOnlyList<BuildxSecret> Secrets(GatePlan plan) =>
        plan.Options.Get(OptionTable.Secrets).Select(s => s.File is not null
            ? BuildxSecret.FromFile(s.Id, Path.GetFullPath(s.File))
            : BuildxSecret.FromEnvironment(s.Id, s.Environment ?? s.Id)).ToList();

    private static Diagnostic StepDiagnostic(DiagnosticCode code, string what, GatePlan plan, FailedStep failure) =>
        code.Create(
            $"{what} '{failure.Target}' failed at step {failure.StepText} `{Shorten(failure.Instruction)}`: {failure.Error}",
            plan.DockerfilePath,
            failure.Line) with
        { Details = failure.Output };

    /// <summary>A failed run no stage step explains (a missing base image, a bad flag): shown with buildx's own words.</summary>
    private static IEnumerable<Diagnostic> UnattributedFailures(IReadOnlyList<BuildRun> runs, IEnumerable<TargetOutcome> outcomes)
    {
        if (outcomes.Any(o => o.Failure is not null))
        {
            yield break;
        }
        foreach (var run in runs.Where(r => !r.Succeeded))
        {
            var internalFailure = run.Steps.FirstOrDefault(s => s.Failed);
            var message = internalFailure is not null
                ? $"`{internalFailure.Name}` failed: {internalFailure.Error}"
                : run.SolveError ?? run.TextLines.LastOrDefault() ?? $"docker buildx exited with code {run.ExitCode}";
            yield return Codes.BuildFailed.Create(message) with { Details = run.TextLines.TakeLast(20).ToList() };
        }
    }

    private static List<BudgetResult> EvaluateBudgets(GatePlan plan, FinalImageResult image, List<Diagnostic> diagnostics)
    {
        var budgets = new List<BudgetResult>();
        ByteSize? measured = image.SizeBytes is long size ? ByteSize.FromBytes(size) : null;
        var reason = image.Outcome switch
        {
            GateOutcome.Passed when measured is null => "the final image could not be measured",
            GateOutcome.Passed => null,
            GateOutcome.NotRun => "the final stage was not built",
            _ => "the final stage failed to build",
        };

        if (plan.SizeBudget is { } sizeBudget)
        {
            var verdict = sizeBudget.Evaluate(measured, reason);
            budgets.Add(verdict);
            if (verdict.Failed)
            {
                diagnostics.Add(Codes.OverBudget.Create(
                    $"Final image '{plan.FinalTag}' is over its size budget. {verdict.Summary}. To change the budget, set {plan.Options.NameOf(OptionTable.SizeBudget)}.",
                    plan.DockerfilePath, plan.FinalStage.Line) with { Details = TopLayers(image) });
            }
        }

        if (plan.GrowthBudget is { } growthBudget)
        {
            var verdict = growthBudget.Evaluate(measured, plan.BaselineBytes is long b ? ByteSize.FromBytes(b) : null, reason);
            budgets.Add(verdict);
            if (verdict.Failed)
            {
                diagnostics.Add(Codes.OverGrowthBudget.Create(
                    $"Final image '{plan.FinalTag}' grew more than its growth budget. {verdict.Summary}. To allow it, raise {plan.Options.NameOf(OptionTable.GrowthBudget)} or refresh the baseline ({plan.Options.NameOf(OptionTable.Baseline)}).",
                    plan.DockerfilePath, plan.FinalStage.Line) with { Details = TopLayers(image) });
            }
        }

        return budgets;
    }

    private static IReadOnlyList<string> TopLayers(FinalImageResult image) =>
        image.Layers.OrderByDescending(l => l.SizeBytes).Take(5)
            .Select(l => $"{ByteSize.FromBytes(l.SizeBytes),8}  {(l.Line is int line ? $"line {line}" : "base"),-9} {Shorten(l.CreatedBy)}")
            .ToList();

    private static string Describe(GatePlan plan)
    {
        var tests = plan.TestStages.Count == 0 ? "no test stage" : string.Join(", ", plan.TestStages.Select(t => $"test stage '{t.DisplayName}'"));
        return $"{tests} and final stage '{plan.FinalStage.DisplayName}'{(plan.Options.Get(OptionTable.Sequential) ? " (sequential)" : "")}";
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 80 ? oneLine : oneLine[..77] + "...";
    }
}
