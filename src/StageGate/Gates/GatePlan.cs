using StageGate.Budgets;
using StageGate.Context;
using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using StageGate.Files;
using StageGate.Hosting;
using StageGate.Lint;
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
    public SizeBudget? SizeBudget { get; init; }
    public GrowthBudget? GrowthBudget { get; init; }
    public long? BaselineBytes { get; init; }

    /// <summary>The compressed size budget, checked per platform of the pushed image.</summary>
    public SizeBudget? CompressedSizeBudget { get; init; }

    /// <summary>The size the growth budget compares: compressed when a compressed budget is set beside it, else uncompressed.</summary>
    public SizeMetric GrowthMetric { get; init; }

    /// <summary>For a compressed growth budget: the baseline's compressed size per platform (<c>""</c> for a push that named none).</summary>
    public IReadOnlyDictionary<string, long> CompressedBaseline { get; init; } = new Dictionary<string, long>();
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The secrets' values, masked as <c>***</c> wherever build output is shown or reported.</summary>
    public IReadOnlyList<string> SecretValues { get; init; } = [];

    public static GatePlan Create(GateOptions options)
    {
        var (dockerfilePath, context) = ResolveInputs(options);
        PassThroughOptions.Validate(options);

        var dockerfile = Dockerfile.Load(dockerfilePath, options.Get(OptionTable.BuildArgs));
        var final = ResolveTarget(dockerfile, options, OptionTable.FinalTarget, options.Get(OptionTable.FinalTarget));
        var warnings = new List<Diagnostic>();

        var tests = new List<Stage>();
        var testTargets = options.Get(OptionTable.TestTargets);
        if (testTargets.Count > 0)
        {
            foreach (var name in testTargets.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                tests.Add(ResolveTarget(dockerfile, options, OptionTable.TestTargets, name));
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

        // BuildKit fails on a malformed .dockerignore only when a target loads the context; so does the plan, at the pattern's line.
        if (tests.Append(final).Any(dockerfile.SendsBuildContext))
        {
            DockerIgnore.ForBuild(context, dockerfilePath).RequireWellFormed();
        }

        if (tests.Count == 0)
        {
            warnings.Add(Codes.NoTestStage.Create(
                $"No test stage: the Dockerfile has no stage named 'test' and {options.NameOf(OptionTable.TestTargets)} names none, so no tests run.",
                dockerfilePath, final.Line));
        }

        var finalNeeds = dockerfile.StagesNeededBy(final).Select(s => s.Index).ToHashSet();
        foreach (var test in tests.Where(t => !finalNeeds.Contains(t.Index)))
        {
            warnings.Add(Codes.TestStageSkippedByBuildKit.Create(
                $"The final stage '{final.DisplayName}' does not depend on test stage '{test.DisplayName}': a plain `docker build` skips it. StageGate builds it explicitly.",
                dockerfilePath, test.Line));
        }

        // The lint findings join the plan's warnings, so check, MSBuild and Cake show them with no code of their own.
        // SG5001 (a mistyped --from) is one of them, at warning unless configured.
        warnings.AddRange(LintRun.ForGate(options, dockerfilePath, context));

        var sizeBudget = options.Get(OptionTable.SizeBudget) is { } size ? Budgets.SizeBudget.Parse(size) : null;
        var compressedBudget = options.Get(OptionTable.CompressedSizeBudget) is { } compressed ? Budgets.SizeBudget.Parse(compressed) : null;
        // The compressed size lives in the pushed manifest or the exported layout; an image only loaded into the engine has none to read.
        if (compressedBudget is not null && !options.Get(OptionTable.Push) && options.Get(OptionTable.OciLayout) is null)
        {
            throw Codes.CompressedBudgetUnmeasurable.Exception(
                $"The compressed size budget '{options.Get(OptionTable.CompressedSizeBudget)}' ({options.NameOf(OptionTable.CompressedSizeBudget)}) is read from the registry after the push or from an exported OCI layout, and the final image is neither pushed nor exported: set {options.NameOf(OptionTable.Push)} or {options.NameOf(OptionTable.OciLayout)}, or drop the compressed budget.",
                options.FileOf(OptionTable.CompressedSizeBudget));
        }
        var growthMetric = compressedBudget is not null ? SizeMetric.Compressed : SizeMetric.Uncompressed;
        GrowthBudget? growthBudget = null;
        long? baselineBytes = null;
        IReadOnlyDictionary<string, long> compressedBaseline = new Dictionary<string, long>();
        if (options.Get(OptionTable.GrowthBudget) is { } growth)
        {
            growthBudget = Budgets.GrowthBudget.Parse(growth);
            var baseline = options.Get(OptionTable.Baseline) ?? throw Codes.InvalidGrowthBudget.Exception(
                $"The growth budget '{growth}' ({options.NameOf(OptionTable.GrowthBudget)}) needs a baseline: set {options.NameOf(OptionTable.Baseline)} to the report of an earlier run.",
                options.FileOf(OptionTable.GrowthBudget));
            if (growthMetric == SizeMetric.Compressed)
            {
                compressedBaseline = ReportJson.ReadCompressedBaseline(baseline);
            }
            else
            {
                baselineBytes = ReportJson.ReadBaselineSize(baseline);
            }
        }

        var secretValues = ReadSecrets(options.Get(OptionTable.Secrets));

        var builder = FindBuilderStage(dockerfile, final, tests);

        return new GatePlan
        {
            Options = options,
            Dockerfile = dockerfile,
            DockerfilePath = dockerfilePath,
            ContextDirectory = context,
            ConfigurationFile = options.ConfigurationFile,
            TestStages = tests,
            FinalStage = final,
            BuilderStage = builder,
            FinalTag = options.Get(OptionTable.Tags) is [var first, ..] ? first : DefaultTag(context, dockerfilePath, final.DisplayName),
            SizeBudget = sizeBudget,
            GrowthBudget = growthBudget,
            BaselineBytes = baselineBytes,
            CompressedSizeBudget = compressedBudget,
            GrowthMetric = growthMetric,
            CompressedBaseline = compressedBaseline,
            Warnings = warnings,
            SecretValues = secretValues,
        };
    }

    /// <summary>
    /// The Dockerfile's full path and the build context, checked to exist. The plan and the inputs fingerprint
    /// both start here.
    /// </summary>
    internal static (string DockerfilePath, string Context) ResolveInputs(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dockerfilePath = options.Dockerfile;
        if (!File.Exists(dockerfilePath))
        {
            throw Codes.DockerfileNotFound.Exception(
                $"Dockerfile '{dockerfilePath}' does not exist; set {options.NameOf(OptionTable.Dockerfile)} to its path.",
                options.FileOf(OptionTable.Dockerfile) ?? dockerfilePath);
        }

        var context = options.Get(OptionTable.Context) ?? Path.GetDirectoryName(dockerfilePath)!;
        if (!Directory.Exists(context))
        {
            throw Codes.ContextNotFound.Exception(
                $"Build context '{context}' is not a folder; set {options.NameOf(OptionTable.Context)} to one.",
                options.FileOf(OptionTable.Context));
        }
        return (dockerfilePath, context);
    }

    /// <summary>A stage named by an option; a name that is not a stage points where the option was set, not at the Dockerfile.</summary>
    private static Stage ResolveTarget(Dockerfile dockerfile, GateOptions options, GateOption option, string? name)
    {
        try
        {
            return dockerfile.ResolveTarget(name);
        }
        catch (StageGateException e) when (e.Diagnostic.Line is null && options.SourceOf(option) != OptionSource.Default)
        {
            throw new StageGateException(
                e.Diagnostic with { Message = $"{options.NameOf(option)}: {e.Diagnostic.Message}", File = options.FileOf(option) ?? e.Diagnostic.File },
                e);
        }
    }

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

    /// <summary>Checks every secret has a source that exists, and reads its value so output can be masked.</summary>
    private static List<string> ReadSecrets(IReadOnlyList<BuildSecret> secrets)
    {
        var values = new List<string>();
        foreach (var secret in secrets)
        {
            // The secret's form (an id, at most one source) was checked where it was read, with the option's name.
            string? value;
            if (secret.File is not null)
            {
                if (!File.Exists(secret.File))
                {
                    throw Codes.InvalidOption.Exception($"Build secret '{secret.Id}' reads '{secret.File}', which does not exist.");
                }
                value = ReadSecretFile(secret);
            }
            else
            {
                // Like buildx, a secret with only an id reads the environment variable of that name.
                var variable = secret.Environment ?? secret.Id;
                value = Environment.GetEnvironmentVariable(variable)
                    ?? throw Codes.InvalidOption.Exception($"Build secret '{secret.Id}' reads environment variable '{variable}', which is not set.");
            }
            // The redactor masks the value, its trimmed form and each of its lines; collecting the raw value is enough.
            values.Add(value);
        }
        return values;
    }

    private static string ReadSecretFile(BuildSecret secret)
    {
        var path = Path.GetFullPath(secret.File!);
        try
        {
            return BoundedFile.ReadTextAtMost(path, InputLimit.Secret)
                ?? throw InputLimit.Secret.TooLarge(Codes.InvalidOption, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.InvalidOption.Create($"Build secret '{secret.Id}' reads '{path}', which cannot be read: {e.Message}"), e);
        }
    }

    /// <summary>
    /// The stage whose artifacts the final stage copies (its first <c>COPY --from</c> of a stage that is not a
    /// test stage), or the stage it builds on; null when the final stage stands alone.
    /// </summary>
    private static Stage? FindBuilderStage(Dockerfile dockerfile, Stage final, List<Stage> tests)
    {
        // A final stage that copies from the test stage (to force it to run) still takes its artifacts from the builder.
        var copied = final.References.FirstOrDefault(r => r.Kind == StageReferenceKind.Stage && r.Stage is int s && !tests.Any(t => t.Index == s));
        if (copied?.Stage is int index)
        {
            return dockerfile.Stages[index];
        }
        return final.BaseStage is int baseIndex ? dockerfile.Stages[baseIndex] : null;
    }

    /// <summary>
    /// A repository name from the context folder and the Dockerfile, e.g. <c>stagegate/wordfreq-c-1a2b3c4d:final</c>:
    /// two Dockerfiles sharing one context (<c>-f src/Api/Dockerfile .</c>) must never measure each other's image.
    /// Folder and stage names are bent to the distribution reference grammar, which buildx enforces.
    /// </summary>
    internal static string DefaultTag(string context, string dockerfilePath, string stage) =>
        $"{ImageName(context, dockerfilePath)}:{TagPart(stage)}";

    private const string Repository = "stagegate/";

    // The reference grammar caps a whole name at 255 characters; "stagegate/" and "-" plus the hash take 19.
    private const int MaxNameComponent = 255 - 19;

    private const int MaxTag = 128;

    private static string ImageName(string context, string dockerfilePath)
    {
        var folder = Path.GetFileName(context.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var name = NameComponent(folder);
        return $"{Repository}{(name.Length == 0 ? "image" : name)}-{ShortHash(dockerfilePath)}";
    }

    /// <summary>
    /// A path component: <c>[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*</c>. Runs of other characters, and separator
    /// runs the grammar has no form for (<c>..</c>, <c>_-</c>, <c>___</c>), become one <c>-</c>.
    /// </summary>
    private static string NameComponent(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var separators = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                if (separators.Length > 0 && result.Length > 0)
                {
                    var run = separators.ToString();
                    result.Append(run is "." or "_" or "__" || run.All(s => s == '-') ? run : "-");
                }
                separators.Clear();
                result.Append(c);
            }
            else
            {
                separators.Append(c);
            }
        }
        // Cutting at the cap can end on a separator run; the next character decides nothing any more.
        return result.Length <= MaxNameComponent ? result.ToString() : result.ToString(0, MaxNameComponent).TrimEnd('-', '_', '.');
    }

    /// <summary>
    /// A tag: <c>[\w][\w.-]{0,127}</c>. Other characters become <c>-</c>; a longer name keeps its start and a hash
    /// of the whole, so two long stage names never share a tag.
    /// </summary>
    private static string TagPart(string stageName)
    {
        var tag = new string(stageName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        if (tag.Length == 0 || tag[0] is '-' or '.')
        {
            tag = "_" + tag;
        }
        return tag.Length <= MaxTag ? tag : $"{tag[..(MaxTag - 9)]}-{ShortHash(stageName)}";
    }

    private static string ShortHash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();
}
