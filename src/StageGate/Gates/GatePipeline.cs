using System.Diagnostics;
using StageGate.Budgets;
using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Files;
using StageGate.Hosting;
using StageGate.Measurement;
using StageGate.Registry;
using StageGate.Reports;
using StageGate.TestResults;

namespace StageGate.Gates;

/// <summary>plan → run → measure → verdict → report, in that order, once for every front end.</summary>
internal static class GatePipeline
{
    public static async Task<GateResult> CheckAsync(GateOptions options, IProgress<GateProgress>? progress, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var plan = GatePlan.Create(options);
        var docker = DockerExecutable(plan.Options);
        await BuilderCapabilities.RequireAsync(plan, docker, cancellationToken);

        var diagnostics = new List<Diagnostic>(plan.Warnings);
        var builderSizes = BuilderSizeCache.For(plan, Environment.GetEnvironmentVariable, cancellationToken);
        var knownBuilderSize = builderSizes?.Read();
        var targets = BuildTargets.For(plan, measureBuilder: knownBuilderSize is null);
        progress?.Report(new GateProgress(GateProgressLevel.Summary,
            $"StageGate: building {Describe(plan)} from {plan.DockerfilePath}"));

        using var folder = RunFolder.Create();
        var exports = await ExportsAsync(plan, targets, folder, cancellationToken);
        var runs = plan.Options.Get(OptionTable.Sequential)
            ? await RunSequentialAsync(plan, targets, exports, docker, folder, progress, cancellationToken)
            : [await RunBakeAsync(plan, targets, exports, docker, folder, progress, cancellationToken)];
        await DockerProbe.DiagnoseAsync(docker, plan.Options.Get(OptionTable.Builder), runs, cancellationToken);

        var outcomes = targets.Select(t => (Target: t, Outcome: TargetOutcomes.Decide(plan, t, runs))).ToList();
        diagnostics.AddRange(RunDiagnostics(plan, runs, outcomes));

        var tests = new List<TestStageResult>();
        foreach (var (target, outcome) in outcomes.Where(o => o.Target.Role == TargetRole.Test))
        {
            var failure = outcome.Outcome == GateOutcome.Failed ? outcome.Failure : null;
            var stageResult = new TestStageResult(target.Stage.DisplayName, outcome.Outcome, outcome.Duration, failure) { NotRunReason = NotRunReason(plan, outcome) };
            if (failure is not null)
            {
                diagnostics.Add(StepDiagnostic(Codes.TestStepFailed, "Test stage", plan, failure));
            }
            else if (outcome.Outcome == GateOutcome.Passed && exports.FirstOrDefault(e => e.Test == target) is { } export)
            {
                stageResult = JudgeByResults(plan, export, stageResult, runs, diagnostics);
            }
            tests.Add(stageResult);
        }

        var final = outcomes.Single(o => o.Target.Role == TargetRole.Final);
        var builder = outcomes.SingleOrDefault(o => o.Target.Role == TargetRole.Builder);
        FinalImageResult image;
        var pushed = Pushed(plan, final.Outcome);
        if (UnpushedDigest(plan, final.Outcome, pushed) is { } unpushed)
        {
            diagnostics.Add(unpushed);
        }
        // Read only with buildx's metadata as evidence the layout was written by this run, never a file an earlier run left.
        var exported = final.Outcome is { Outcome: GateOutcome.Passed, Metadata: not null } ? plan.Options.Get(OptionTable.OciLayout) : null;
        if (final.Outcome is { Outcome: GateOutcome.Passed, ImageId: not null } || pushed is not null || exported is not null)
        {
            image = new FinalImageResult { Target = plan.FinalStage.DisplayName, Outcome = GateOutcome.CouldNotMeasure };
            MeasurementProblem? problem = null;
            // A multi-platform push has no image id: nothing of it is in the engine, and no local tag stands in for it.
            if (final.Outcome.ImageId is { } imageId && ((pushed is null && exported is null) || final.Outcome.Metadata?.HasConfigDigest == true))
            {
                using var store = ImageMeasurer.OpenStore(docker);
                (image, problem) = await ImageMeasurer.MeasureAsync(
                    store, imageId, plan.Dockerfile, plan.FinalStage, builder.Outcome?.ImageId,
                    plan.BuilderStage?.DisplayName, cancellationToken);
                // Only the tags this run applied, and only while the image still carries them: the last run to finish owns a tag.
                image = image with { Tags = FinalTags(plan).Where(t => image.Tags.Contains(Normalized(t), StringComparer.Ordinal)).ToList() };
                if (image.BuilderSizeBytes is { } builderSize && builderSizes is not null)
                {
                    await builderSizes.WriteAsync(builderSize, cancellationToken);
                }
                else if (knownBuilderSize is not null && problem is null)
                {
                    image = image with { BuilderStage = plan.BuilderStage?.DisplayName, BuilderSizeBytes = knownBuilderSize };
                }
            }
            if (pushed is not null || exported is not null)
            {
                var where = pushed is not null ? $"registry {pushed.Domain}" : $"OCI layout {exported}";
                image = await MeasureCompressedAsync(plan, image, where, pushed is not null
                    ? token => RegistryMeasurer.MeasureAsync(pushed, RegistrySettingsFor(plan.Options), token)
                    : token => OciLayout.MeasureAsync(Path.GetFullPath(exported!), final.Outcome.Metadata?.Digest, token), diagnostics, cancellationToken);
                image = pushed is null ? image : image with { Digest = image.Digest ?? pushed.ToString() };
                // A builder other than the docker driver pushes or exports without loading, and a multi-platform image
                // cannot be loaded: only the registry or the layout has it. A problem only for an uncompressed budget.
                if ((problem is { ImageMissing: true } || (problem is null && image.SizeBytes is null)) && !UncompressedBudgeted(plan))
                {
                    problem = null;
                    diagnostics.Add(Codes.UncompressedNotMeasured.Create(
                        $"Final stage '{plan.FinalStage.DisplayName}' is not in the local engine: the builder wrote it to the {where} without loading it, so its uncompressed size was not measured. The compressed size was read from there."));
                }
                else if (problem is null && image.SizeBytes is null)
                {
                    problem = new MeasurementProblem(Codes.CouldNotMeasure.Create(
                        $"Final stage '{plan.FinalStage.DisplayName}' went to the {where} without being loaded into the engine, so its uncompressed size could not be measured; budget the compressed size instead ({plan.Options.NameOf(OptionTable.CompressedSizeBudget)})."), ImageMissing: true);
                }
            }
            if (problem is not null)
            {
                diagnostics.Add(MeasurementDiagnostic(plan, problem.Diagnostic));
            }
        }
        else if (final.Outcome.Outcome == GateOutcome.Passed)
        {
            image = new FinalImageResult { Target = plan.FinalStage.DisplayName, Outcome = GateOutcome.CouldNotMeasure };
            diagnostics.Add(MeasurementDiagnostic(plan, Codes.CouldNotMeasure.Create(
                $"Final stage '{plan.FinalStage.DisplayName}' was built, but buildx gives the id of the image it built only when the whole bake succeeds, so it was not measured."), compressedToo: true));
        }
        else
        {
            image = new FinalImageResult
            {
                Target = plan.FinalStage.DisplayName,
                Outcome = final.Outcome.Outcome,
                Failure = final.Outcome.Outcome == GateOutcome.Failed ? final.Outcome.Failure : null,
                NotRunReason = NotRunReason(plan, final.Outcome),
            };
            if (image.Failure is { } failure)
            {
                diagnostics.Add(StepDiagnostic(Codes.FinalStepFailed, "Final stage", plan, failure));
            }
        }

        var budgets = BudgetVerdicts.Decide(plan, image, diagnostics);
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
        await BuilderCapabilities.RequireAsync(plan, docker, cancellationToken);
        var build = new BuildTarget(plan.FinalStage, TargetRole.Final, BakeName: "final", Tag: plan.Options.Get(OptionTable.Tags).Count > 0 ? plan.FinalTag : null);
        using var folder = RunFolder.Create();
        var run = await RunSingleAsync(plan, build, docker, folder, progress, cancellationToken);
        await DockerProbe.DiagnoseAsync(docker, plan.Options.Get(OptionTable.Builder), [run], cancellationToken);
        var outcome = TargetOutcomes.Decide(plan, build, [run]);
        var diagnostics = RunDiagnostics(plan, [run], [(build, outcome)]).ToList();
        if (outcome.Failure is { } failure && outcome.Outcome == GateOutcome.Failed)
        {
            diagnostics.Add(StepDiagnostic(Codes.TestStepFailed, "Stage", plan, failure));
        }
        return new StageBuildResult(plan.FinalStage.DisplayName, outcome.Outcome, outcome.Duration)
        {
            Failure = outcome.Failure,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>
    /// Measures an image that exists already: in the engine for the size budget, and, with a compressed budget, in
    /// its registry by reference (a tag or a digest; an index is measured per platform). The registry path needs no
    /// build and no Dockerfile, so an image pushed by any means, such as an index put together by hand, is measured
    /// exactly as a run measures its own push.
    /// </summary>
    public static async Task<MeasureResult> MeasureAsync(GateOptions options, string image, CancellationToken cancellationToken)
    {
        var budget = options.Get(OptionTable.SizeBudget) is { } text ? SizeBudget.Parse(text) : null;
        var compressedBudget = options.Get(OptionTable.CompressedSizeBudget) is { } compressedText ? SizeBudget.Parse(compressedText) : null;
        var diagnostics = new List<Diagnostic>();
        var verdicts = new List<BudgetResult>();
        var measured = new FinalImageResult { Target = image, Outcome = GateOutcome.Passed };
        if (budget is not null || compressedBudget is null)
        {
            using var store = ImageMeasurer.OpenStore(DockerExecutable(options));
            (measured, var problem) = await ImageMeasurer.MeasureAsync(store, image, null, null, null, null, cancellationToken);
            if (problem is { ImageMissing: true })
            {
                throw Codes.CouldNotMeasure.Exception($"Image '{image}' does not exist; build or pull it first.");
            }
            if (problem is not null)
            {
                diagnostics.Add(problem.Diagnostic);
            }
            if (budget?.Evaluate(measured.SizeBytes is long size ? ByteSize.FromBytes(size) : null, problem?.Diagnostic.Message) is { } verdict)
            {
                verdicts.Add(verdict);
                if (verdict.Failed)
                {
                    diagnostics.Add(Codes.OverBudget.Create(
                        $"Image '{image}' is over its size budget. {verdict.Summary}. To change the budget, set {options.NameOf(OptionTable.SizeBudget)}.")
                        with { Details = TopLayers(measured) });
                }
            }
        }
        if (compressedBudget is not null)
        {
            // Measuring is all this command does, so a registry that cannot tell is the run's error (SG2017–SG2022).
            var reference = RegistryReference.Parse(image);
            var pushed = await RegistryMeasurer.MeasureAsync(reference, RegistrySettingsFor(options), cancellationToken);
            measured = measured with
            {
                Digest = measured.Digest ?? reference.WithDigest(pushed.Digest).ToString(),
                CompressedSizeBytes = pushed.LargestCompressedSize,
                Platforms = pushed.Platforms,
            };
            foreach (var verdict in compressedBudget.EvaluateCompressed(pushed.Platforms))
            {
                verdicts.Add(verdict);
                if (verdict.Failed)
                {
                    diagnostics.Add(Codes.OverBudget.Create(
                        $"Image '{image}'{(verdict.Platform is null ? "" : $" for {verdict.Platform}")} is over its compressed size budget. {verdict.Summary}. To change the budget, set {options.NameOf(OptionTable.CompressedSizeBudget)}."));
                }
            }
        }
        return new MeasureResult(measured, verdicts.FirstOrDefault(v => v.Failed) ?? verdicts.FirstOrDefault()) { Budgets = verdicts, Diagnostics = diagnostics };
    }

    private static string DockerExecutable(GateOptions options) => options.Docker;

    private static async Task<IReadOnlyList<BuildRun>> RunSequentialAsync(
        GatePlan plan, IReadOnlyList<BuildTarget> targets, IReadOnlyList<ResultsExport> exports, string docker, RunFolder folder,
        IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        var runs = new List<BuildRun>();
        foreach (var target in targets)
        {
            var run = await RunSingleAsync(plan, target, docker, folder, progress, cancellationToken);
            runs.Add(run);
            if (run.Succeeded && exports.FirstOrDefault(e => e.Test == target) is { } export)
            {
                // Its own build after the test stage's: the stage is cached by then, so only the copy runs.
                var exported = await BuildxRunner.RunAsync(docker, ExportBuild(plan, export), null, plan.ContextDirectory, plan.SecretValues, progress, cancellationToken);
                runs.Add(exported with { ForTarget = export.BakeName });
                if (ExportedResults.Read(exported.Succeeded ? export.Folder : null) is { } results
                    && (results.ExitCode is int code ? code != 0 : results.Tests.Any(t => t.Outcome == TestCaseOutcome.Failed)))
                {
                    progress?.Report(new GateProgress(GateProgressLevel.Summary,
                        $"StageGate: test stage '{target.Stage.DisplayName}' failed by its results; the final stage is not built ({plan.Options.NameOf(OptionTable.Sequential)})."));
                    break;
                }
            }
            if (!run.Succeeded && target.Role == TargetRole.Test)
            {
                progress?.Report(new GateProgress(GateProgressLevel.Summary,
                    $"StageGate: test stage '{target.Stage.DisplayName}' failed; the final stage is not built ({plan.Options.NameOf(OptionTable.Sequential)})."));
                break;
            }
        }
        return runs;
    }

    /// <summary>One <c>buildx build</c> of one target, with its own metadata file as the evidence of what it built.</summary>
    private static async Task<BuildRun> RunSingleAsync(
        GatePlan plan, BuildTarget target, string docker, RunFolder folder, IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        var metadataFile = folder.File($"{target.BakeName}.metadata.json");
        var run = await BuildxRunner.RunAsync(docker, SingleBuild(plan, target, metadataFile), null, plan.ContextDirectory, plan.SecretValues, progress,
            cancellationToken, metadataFile: metadataFile);
        return run with { ForTarget = target.BakeName };
    }

    /// <summary>The export of a test stage's results as one <c>buildx build</c> of the generated Dockerfile's appended stage.</summary>
    private static IReadOnlyList<string> ExportBuild(GatePlan plan, ResultsExport export) =>
        PassThroughOptions.Apply(plan, export.Test, Build(plan, export.Dockerfile, export.ExportStage) with
        {
            Outputs = [export.OutputArgument],
        }).ToArguments();

    /// <summary>What every <c>buildx build</c> of a run shares: the context, the build arguments, secrets, platforms and builder.</summary>
    private static BuildxBuildOptions Build(GatePlan plan, string dockerfile, string? target) => new()
    {
        Context = plan.ContextDirectory,
        Dockerfile = dockerfile,
        Target = target,
        BuildArgs = plan.Options.Get(OptionTable.BuildArgs),
        Secrets = Secrets(plan),
        Platforms = plan.Options.Get(OptionTable.Platforms),
        Builder = plan.Options.Get(OptionTable.Builder),
        Progress = ProgressMode.RawJson,
    };

    /// <summary>What every bake target of a run shares: the context, the build arguments, secrets and platforms.</summary>
    private static BakeTarget Bake(GatePlan plan, string name, string dockerfile, string? target) => new(name)
    {
        Context = plan.ContextDirectory,
        Dockerfile = dockerfile,
        Target = target,
        Args = plan.Options.Get(OptionTable.BuildArgs),
        Secrets = Secrets(plan),
        Platforms = plan.Options.Get(OptionTable.Platforms),
    };

    /// <summary>With the test results option set, one export per test stage, its generated Dockerfile written to the run's folder.</summary>
    private static async Task<IReadOnlyList<ResultsExport>> ExportsAsync(GatePlan plan, IReadOnlyList<BuildTarget> targets, RunFolder folder, CancellationToken cancellationToken)
    {
        if (plan.Options.Get(OptionTable.TestResults) is not { } resultsPath)
        {
            return [];
        }
        var exports = ResultsExport.For(targets, folder.Path);
        if (exports.Count == 0)
        {
            return [];
        }
        var dockerfile = await ResultsExport.WriteDockerfileAsync(plan.DockerfilePath, exports, resultsPath, folder.File("export"), cancellationToken);
        return exports.Select(e => e with { Dockerfile = dockerfile }).ToList();
    }

    /// <summary>A test stage whose steps passed, judged by what it recorded; its results copied to the host first.</summary>
    private static TestStageResult JudgeByResults(GatePlan plan, ResultsExport export, TestStageResult stage, IReadOnlyList<BuildRun> runs, List<Diagnostic> diagnostics)
    {
        var delivered = export.Deliver(plan.Options.Get(OptionTable.TestResultsDirectory)!);
        var results = ExportedResults.Read(delivered);
        var (outcome, found, tests) = ResultsVerdict.Decide(plan, export.Test, results, runs.SelectMany(r => r.Steps).ToList());
        diagnostics.AddRange(found);
        return stage with
        {
            Outcome = outcome,
            Tests = tests,
            Counts = results.HasReadableFile ? TestCounts.Of(tests) : null,
            ResultsFolder = delivered,
            ResultsFailure = outcome == GateOutcome.Failed ? found.FirstOrDefault(d => d.IsError && d.Code != Codes.TestFailed.Code) : null,
        };
    }

    private static IReadOnlyList<string> SingleBuild(GatePlan plan, BuildTarget target, string metadataFile) =>
        PassThroughOptions.Apply(plan, target, Build(plan, plan.DockerfilePath, target.TargetName) with
        {
            Tags = target.Role == TargetRole.Final ? FinalTags(plan) : target.Tag is null ? [] : [target.Tag],
            Labels = target.Role == TargetRole.Final ? plan.Options.Get(OptionTable.Labels) : new Dictionary<string, string>(),
            Outputs = [target.OutputArgument],
            MetadataFile = metadataFile,
        }).ToArguments();

    /// <summary>Builds every target in one bake; its definition and metadata live in the run's folder.</summary>
    private static async Task<BuildRun> RunBakeAsync(
        GatePlan plan, IReadOnlyList<BuildTarget> targets, IReadOnlyList<ResultsExport> exports, string docker, RunFolder folder,
        IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        var bakeFile = folder.File("bake.json");
        var metadataFile = folder.File("bake.metadata.json");
        await WriteBakeFileAsync(bakeFile, BakeJson(plan, targets, exports), cancellationToken);
        var names = targets.Select(t => t.BakeName).Concat(exports.Select(e => e.BakeName)).ToList();
        return await BuildxRunner.RunAsync(docker, BakeArguments(plan, names, bakeFile, metadataFile), names,
            plan.ContextDirectory, plan.SecretValues, progress, cancellationToken, metadataFile: metadataFile);
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

    private static string BakeJson(GatePlan plan, IReadOnlyList<BuildTarget> targets, IReadOnlyList<ResultsExport> exports)
    {
        // Each export is its test target's twin (same context, args, secrets, platforms and cache options), so BuildKit shares their work.
        var exportTargets = exports.Select(e => PassThroughOptions.Apply(plan, e.Test, Bake(plan, e.BakeName, e.Dockerfile, e.ExportStage) with
        {
            Outputs = [e.OutputArgument],
        }));
        var definition = new BakeDefinition(targets.Select(t => PassThroughOptions.Apply(plan, t, Bake(plan, t.BakeName, plan.DockerfilePath, t.TargetName) with
        {
            Tags = t.Role == TargetRole.Final ? FinalTags(plan) : t.Tag is null ? [] : [t.Tag],
            Labels = t.Role == TargetRole.Final ? plan.Options.Get(OptionTable.Labels) : new Dictionary<string, string>(),
            Outputs = [t.OutputArgument],
        })).Concat(exportTargets).ToList());
        return definition.ToJson();
    }

    private static IReadOnlyList<string> BakeArguments(GatePlan plan, IReadOnlyList<string> targets, string bakeFile, string metadataFile) =>
        new BakeOptions(bakeFile)
        {
            Targets = targets,
            Progress = ProgressMode.RawJson,
            MetadataFile = metadataFile,
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

    /// <summary>
    /// What the run says beyond each gate's own step: a build stage shared by the gates that failed (once), a failed
    /// run no stage step explains (a base image, the daemon, BuildKit's limits: buildx's own words), and targets
    /// buildx reported no result for although it exited 0.
    /// </summary>
    private static IEnumerable<Diagnostic> RunDiagnostics(GatePlan plan, IReadOnlyList<BuildRun> runs, IReadOnlyList<(BuildTarget Target, TargetOutcome Outcome)> outcomes)
    {
        if (outcomes.FirstOrDefault(o => o.Outcome.NotRun == NotRunCause.SharedStageFailed).Outcome?.Failure is { } shared)
        {
            var gates = outcomes.Where(o => o.Outcome.NotRun == NotRunCause.SharedStageFailed && o.Target.Role != TargetRole.Builder)
                .Select(o => $"{(o.Target.Role == TargetRole.Test ? "test" : "final")} stage '{o.Target.Stage.DisplayName}'");
            yield return Codes.SharedStageFailed.Create(
                $"Build stage '{shared.Stage}', which {string.Join(" and ", gates)} need, failed at step {shared.StepText} `{Shorten(shared.Instruction)}`: {shared.Error}",
                plan.DockerfilePath, shared.Line) with { Details = shared.Output };
        }

        foreach (var run in runs.Where(r => !r.Succeeded && !r.Steps.Any(s => s.FailedInStage)))
        {
            var environment = run.Steps.FirstOrDefault(s => s.FailedInEnvironment);
            var message = environment is not null
                ? $"`{environment.Name}` failed: {environment.Error}"
                : run.SolveError ?? run.TextLines.LastOrDefault() ?? $"docker buildx exited with code {run.ExitCode}";
            // A stage that could not start (its base image, the context) or a buildx that stopped before any step is
            // SG2006; a build cut short once steps ran (the daemon gone, BuildKit's limits) is SG2013.
            var interrupted = environment is not ({ IsInternal: true } or { StepNumber: 1 })
                && run.Steps.Any(s => !s.IsInternal && s.Started is not null);
            var code = interrupted ? Codes.BuildInterrupted : Codes.BuildFailed;
            yield return code.Create(message) with { Details = run.TextLines.TakeLast(20).ToList() };
        }

        var empty = outcomes.Where(o => o.Outcome.NotRun == NotRunCause.NoResult).ToList();
        if (empty.Count > 0)
        {
            yield return Codes.NoBuildResult.Create(
                $"docker buildx ({DockerExecutable(plan.Options)}) exited 0 but reported no result for {string.Join(", ", empty.Select(o => $"stage '{o.Target.Stage.DisplayName}'"))}: "
                + $"no progress for the stage's steps, or no image id in its metadata file. Check that {plan.Options.NameOf(OptionTable.DockerPath)} is Docker's CLI with the buildx plugin.");
        }
    }

    /// <summary>Why a target did not run, in the words the reports print after "not run".</summary>
    private static string? NotRunReason(GatePlan plan, TargetOutcome outcome) => outcome.NotRun switch
    {
        NotRunCause.StoppedAfterTestFailure => $"a test stage failed first ({plan.Options.NameOf(OptionTable.Sequential)})",
        NotRunCause.OtherTargetFailed => "buildx stopped it when another stage failed",
        NotRunCause.SharedStageFailed => $"build stage '{outcome.Failure?.Stage}' failed",
        NotRunCause.EnvironmentFailed => "docker buildx failed",
        NotRunCause.NoResult => "docker buildx reported no result",
        _ => null,
    };

    /// <summary>
    /// The pushed final image, pinned to the digest buildx pushed (so a concurrent push of the tag cannot change what
    /// is measured); null when nothing was pushed, or buildx named no manifest digest for it. A digest equal to the
    /// config digest is the image id (the docker driver writes it when it pushed nothing), never a manifest's.
    /// </summary>
    internal static RegistryReference? Pushed(GatePlan plan, TargetOutcome outcome) =>
        plan.Options.Get(OptionTable.Push) && outcome is { Outcome: GateOutcome.Passed, Metadata: { Digest: { } digest } metadata }
        && ContentDigest.IsValid(digest) && !(metadata.HasConfigDigest && string.Equals(metadata.ImageId, digest, StringComparison.Ordinal))
            ? RegistryReference.Parse(plan.FinalTag).WithDigest(digest)
            : null;

    /// <summary>
    /// A push buildx named no manifest digest for: the compressed size cannot be read, an error when a compressed
    /// budget waits on it (never a silent pass), a warning otherwise.
    /// </summary>
    internal static Diagnostic? UnpushedDigest(GatePlan plan, TargetOutcome outcome, RegistryReference? pushed) =>
        pushed is null && plan.Options.Get(OptionTable.Push) && outcome.Outcome == GateOutcome.Passed
            ? Codes.CouldNotMeasure.Create(
                $"Final stage '{plan.FinalStage.DisplayName}' was pushed, but buildx's metadata names no digest of the pushed manifest (containerimage.digest), so its compressed size was not read from the registry.{(plan.CompressedSizeBudget is null ? "" : " The compressed size budget could not be checked.")}",
                plan.DockerfilePath, plan.FinalStage.Line) with { Severity = plan.CompressedSizeBudget is null ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error }
            : null;

    /// <summary>
    /// Reads the final image's compressed size per platform from where it went (the registry, or the OCI layout).
    /// One that cannot tell is an SG2017–SG2024 error when a budget waits on the compressed size (never "over
    /// budget"), a warning otherwise: the image itself was built and delivered.
    /// </summary>
    private static async Task<FinalImageResult> MeasureCompressedAsync(
        GatePlan plan, FinalImageResult image, string where, Func<CancellationToken, Task<RegistryMeasurement>> read,
        List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var measured = await read(cancellationToken);
            return image with
            {
                Outcome = GateOutcome.Passed,
                CompressedSizeBytes = measured.LargestCompressedSize,
                Platforms = measured.Platforms,
            };
        }
        catch (StageGateException e) when (e.Diagnostic.Code != Codes.Cancelled.Code)
        {
            var budgeted = plan.CompressedSizeBudget is not null;
            diagnostics.Add(e.Diagnostic with
            {
                Severity = budgeted ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                Message = budgeted ? $"{e.Diagnostic.Message} The compressed size budget could not be checked." : $"{e.Diagnostic.Message} (The compressed size is read from the {where}.)",
            });
            return image;
        }
    }

    internal static RegistrySettings RegistrySettingsFor(GateOptions options) => new(
        options.Get(OptionTable.InsecureRegistries), RegistrySettings.DefaultCertsDirectory, RegistrySettings.DefaultTimeout, options.Environment);

    /// <summary>Whether a budget waits on the uncompressed size: the size budget, or a growth budget with no compressed budget beside it.</summary>
    private static bool UncompressedBudgeted(GatePlan plan) =>
        plan.SizeBudget is not null || (plan.GrowthBudget is not null && plan.GrowthMetric == SizeMetric.Uncompressed);

    /// <summary>A measurement problem is an error when a budget waits on it (no verdict without a size), a warning otherwise.</summary>
    /// <param name="plan">The run's plan, with its budgets.</param>
    /// <param name="problem">What went wrong.</param>
    /// <param name="compressedToo">The problem leaves the compressed size unknown as well: no push was measured.</param>
    private static Diagnostic MeasurementDiagnostic(GatePlan plan, Diagnostic problem, bool compressedToo = false)
    {
        var budgeted = UncompressedBudgeted(plan) || (compressedToo && plan.CompressedSizeBudget is not null);
        return problem with
        {
            Severity = budgeted ? DiagnosticSeverity.Error : problem.Severity,
            Message = budgeted ? $"{problem.Message} The size budget could not be checked." : problem.Message,
            File = plan.DockerfilePath,
            Line = plan.FinalStage.Line,
        };
    }

    /// <summary>A tag as the engine lists it: <c>app</c> is <c>app:latest</c>.</summary>
    private static string Normalized(string tag) =>
        tag.LastIndexOf(':') > tag.LastIndexOf('/') ? tag : tag + ":latest";

    /// <summary>The five largest layers, for the details of an over-budget diagnostic.</summary>
    internal static IReadOnlyList<string> TopLayers(FinalImageResult image) =>
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
