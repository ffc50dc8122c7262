using System.Globalization;
using StageGate.Dockerfiles;

namespace StageGate.Lint;

/// <summary>
/// A stage as written, for the linter: unlike <see cref="Stage"/> it keeps the name's casing and exists even when
/// the stage graph is invalid (a duplicate name), so the checks that explain such mistakes can still run.
/// </summary>
/// <param name="Index">The stage's 0-based position.</param>
/// <param name="From">Its FROM instruction.</param>
/// <param name="Body">The instructions after the FROM.</param>
/// <param name="BaseStage">The earlier stage its FROM names, when it names one.</param>
/// <param name="ExpandedBase">The FROM's image with global ARG defaults expanded; null when that fails.</param>
internal sealed record LintStage(int Index, Instruction From, IReadOnlyList<Instruction> Body, int? BaseStage, string? ExpandedBase)
{
    /// <summary>The <c>AS</c> name as written, casing kept; null when unnamed.</summary>
    public string? WrittenName => From.Arguments.Count == 3 ? From.Arguments[2] : null;

    /// <summary>The name BuildKit uses: lower-cased.</summary>
    public string? Name => WrittenName?.ToLowerInvariant();

    public string DisplayName => Name ?? "stage-" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The FROM's image or stage, unexpanded.</summary>
    public string WrittenBase => From.Arguments.Count > 0 ? From.Arguments[0] : "";

    /// <summary>The FROM's <c>--platform</c> value, unexpanded.</summary>
    public string? Platform => From.FlagValue("platform");

    /// <summary>Whether the FROM names an image (not scratch, not an earlier stage).</summary>
    public bool IsImageBased => BaseStage is null && !string.Equals(ExpandedBase ?? WrittenBase, "scratch", StringComparison.Ordinal);
}
