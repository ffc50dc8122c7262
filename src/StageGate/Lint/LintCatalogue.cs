using StageGate.Lint.Rules;

namespace StageGate.Lint;

/// <summary>
/// Every lint rule, once, in the order docs/lint.md lists them: BuildKit's build checks first, then StageGate's
/// multi-stage pitfalls by code. A new rule is one line here, one file in Rules/, and its tests.
/// </summary>
internal static class LintCatalogue
{
    public static IReadOnlyList<LintRule> All { get; } =
    [
        new StageNameCasing(),
        new FromAsCasing(),
        new DuplicateStageName(),
        new ReservedStageName(),
        new UndefinedArgInFrom(),
        new InvalidDefaultArgInFrom(),
        new RedundantTargetPlatform(),
        new FromPlatformFlagConstDisallowed(),
        new JsonArgsRecommended(),
        new MultipleInstructionsDisallowed(),
        new LegacyKeyValueFormat(),
        new WorkdirRelativePath(),
        new UndefinedVar(),
        new CopyIgnoredFile(),
        new SecretsUsedInArgOrEnv(),
        new MistypedStageName(),
        new UnpinnedBaseImage(),
        new FinalBaseWithoutDigest(),
        new FinalStageRunsAsRoot(),
        new ToolchainInFinalStage(),
        new FinalStageCopiesContext(),
        new DependencyInstallAfterCopyAll(),
        new DockerIgnoreIncomplete(),
    ];

    /// <summary>The rule with this id (<c>SG5010</c>, <c>StageNameCasing</c>) or name, any case; null when none.</summary>
    public static LintRule? Find(string idOrName) =>
        All.FirstOrDefault(r => string.Equals(r.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}
