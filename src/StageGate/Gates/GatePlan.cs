using StageGate.Budgets;
using StageGate.Configuration;
using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using StageGate.Reports;

namespace StageGate.Gates;

/// <summary>
/// Everything decided before docker starts: the parsed Dockerfile, the resolved targets, the parsed
/// budgets and baseline. Creating a plan is where every input error surfaces.
/// </summary>
internal sealed record GatePlan
{
    public required GateOptions Options { get; init; }
    public required Dockerfile Dockerfile { get; init; }
    public required string DockerfilePath { get; init; }
    public required string ContextDirectory { get; init; }
    public string? ConfigurationFile { get; init; }
    public required IReadOnlyList<Stage> TestStages { get; init; }
    public required Stage FinalStage { get; init; }

    /// <summary>The stage the final image takes its artifacts from, measured for the savings line.</summary>
    public Stage? BuilderStage { get; init; }

    public required string FinalTag { get; init; }
    public string? BuilderTag { get; init; }
    public SizeBudget? SizeBudget { get; init; }
    public GrowthBudget? GrowthBudget { get; init; }
    public long? BaselineBytes { get; init; }
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    public static GatePlan Create(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Dockerfile))
        {
            throw Codes.InvalidOption.Exception("No Dockerfile given; pass a path to the Dockerfile.");
        }

        var dockerfilePath = Path.GetFullPath(options.Dockerfile);
        if (!File.Exists(dockerfilePath))
        {
            throw Codes.DockerfileNotFound.Exception($"Dockerfile '{dockerfilePath}' does not exist.", dockerfilePath);
        }

        var configured = GateConfiguration.Apply(options with { Dockerfile = dockerfilePath });
        options = configured.Options;

        var context = Path.GetFullPath(options.Context ?? Path.GetDirectoryName(dockerfilePath)!);
        if (!Directory.Exists(context))
        {
            throw Codes.ContextNotFound.Exception($"Build context '{context}' is not a folder.");
        }

        var dockerfile = Dockerfile.Load(dockerfilePath, options.BuildArgs);
        var final = dockerfile.ResolveTarget(options.FinalTarget);
        var warnings = new List<Diagnostic>();

        var tests = new List<Stage>();
        if (options.TestTargets.Count > 0)
        {
            foreach (var name in options.TestTargets.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                tests.Add(dockerfile.ResolveTarget(name.Trim()));
            }
        }
        else if (dockerfile.FindStage("test") is { } test && test.Index != final.Index)
        {
            tests.Add(test);
        }

        foreach (var stage in tests.Append(final))
        {
            RequireTargetable(dockerfile, stage, dockerfilePath);
        }

        if (tests.Count == 0)
        {
            warnings.Add(Codes.NoTestStage.Create(
                "No test stage: the Dockerfile has no stage named 'test' and no test targets were given, so no tests run.",
                dockerfilePath, final.Line));
        }

        var finalNeeds = dockerfile.StagesNeededBy(final).Select(s => s.Index).ToHashSet();
        foreach (var test in tests.Where(t => !finalNeeds.Contains(t.Index)))
        {
            warnings.Add(Codes.TestStageSkippedByBuildKit.Create(
                $"The final stage '{final.DisplayName}' does not depend on test stage '{test.DisplayName}': a plain `docker build` skips it. StageGate builds it explicitly.",
                dockerfilePath, test.Line));
        }

        var sizeBudget = string.IsNullOrWhiteSpace(options.SizeBudget) ? null : Budgets.SizeBudget.Parse(options.SizeBudget);
        GrowthBudget? growthBudget = null;
        long? baselineBytes = null;
        if (!string.IsNullOrWhiteSpace(options.GrowthBudget))
        {
            growthBudget = Budgets.GrowthBudget.Parse(options.GrowthBudget);
            if (string.IsNullOrWhiteSpace(options.Baseline))
            {
                throw Codes.InvalidGrowthBudget.Exception(
                    $"The growth budget '{options.GrowthBudget}' needs a baseline: pass the report of an earlier run (--baseline, StageGateBaseline, baseline in stagegate.json).");
            }
            baselineBytes = ReportJson.ReadBaselineSize(Path.GetFullPath(options.Baseline));
        }

        ValidateSecrets(options.Secrets);

        var builder = FindBuilderStage(dockerfile, final);
        var imageName = ImageName(context);
        return new GatePlan
        {
            Options = options,
            Dockerfile = dockerfile,
            DockerfilePath = dockerfilePath,
            ContextDirectory = context,
            ConfigurationFile = configured.ConfigurationFile,
            TestStages = tests,
            FinalStage = final,
            BuilderStage = builder,
            FinalTag = options.Tags.Count > 0 ? options.Tags[0] : $"{imageName}:{TagPart(final.DisplayName)}",
            BuilderTag = builder is null ? null : $"{imageName}:{TagPart(builder.DisplayName)}",
            SizeBudget = sizeBudget,
            GrowthBudget = growthBudget,
            BaselineBytes = baselineBytes,
            Warnings = warnings,
        };
    }

    /// <summary>All targets in the order they are reported: tests first, then the final stage.</summary>
    public IEnumerable<Stage> AllTargets => TestStages.Append(FinalStage);

    /// <summary>buildx can build a named stage or the last one; an unnamed stage elsewhere is an input error, found before docker runs.</summary>
    private static void RequireTargetable(Dockerfile dockerfile, Stage stage, string dockerfilePath)
    {
        if (stage.Name is null && stage.Index != dockerfile.Stages.Count - 1)
        {
            throw Codes.UnknownTarget.Exception(
                $"Stage {stage.Index} has no name, and buildx can only build a named stage or the last one. Name it: FROM … AS name.",
                dockerfilePath, stage.Line);
        }
    }

    private static void ValidateSecrets(IReadOnlyList<BuildSecret> secrets)
    {
        foreach (var secret in secrets)
        {
            if (string.IsNullOrWhiteSpace(secret.Id))
            {
                throw Codes.InvalidOption.Exception("A build secret has no id; write it as id=NAME,env=VARIABLE or id=NAME,src=PATH.");
            }
            if ((secret.Environment is null) == (secret.File is null))
            {
                throw Codes.InvalidOption.Exception($"Build secret '{secret.Id}' needs exactly one source: env=VARIABLE or src=PATH.");
            }
            if (secret.File is not null && !File.Exists(secret.File))
            {
                throw Codes.InvalidOption.Exception($"Build secret '{secret.Id}' reads '{secret.File}', which does not exist.");
            }
            if (secret.Environment is not null && Environment.GetEnvironmentVariable(secret.Environment) is null)
            {
                throw Codes.InvalidOption.Exception($"Build secret '{secret.Id}' reads environment variable '{secret.Environment}', which is not set.");
            }
        }
    }

    /// <summary>
    /// The stage whose artifacts the final stage copies (its first <c>COPY --from</c> stage), or the
    /// stage it builds on; null when the final stage stands alone.
    /// </summary>
    private static Stage? FindBuilderStage(Dockerfile dockerfile, Stage final)
    {
        var copied = final.References.FirstOrDefault(r => r.Kind == StageReferenceKind.Stage && r.Stage is not null);
        if (copied?.Stage is int index)
        {
            return dockerfile.Stages[index];
        }
        return final.BaseStage is int baseIndex ? dockerfile.Stages[baseIndex] : null;
    }

    /// <summary>A repository name from the context folder, e.g. <c>stagegate/wordfreq-c</c>.</summary>
    private static string ImageName(string context)
    {
        var name = new string(Path.GetFileName(context.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
            .ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')
            .ToArray()).Trim('-', '_', '.');
        return "stagegate/" + (name.Length == 0 ? "image" : name);
    }

    private static string TagPart(string stageName) =>
        new(stageName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
}
