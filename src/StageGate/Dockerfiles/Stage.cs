using System.Globalization;

namespace StageGate.Dockerfiles;

/// <summary>
/// One build stage: a FROM and the instructions up to the next FROM.
/// </summary>
/// <param name="Index">The stage's 0-based position, the number <c>COPY --from=N</c> uses.</param>
/// <param name="Name">The <c>AS</c> name, lower-cased as BuildKit stores it; null when unnamed.</param>
/// <param name="Line">The 1-based line of its FROM.</param>
/// <param name="Base">What it builds on, global ARGs expanded: an image, <c>scratch</c> or a stage name.</param>
/// <param name="BaseKind">Whether <paramref name="Base"/> is an image, an earlier stage or scratch.</param>
/// <param name="BaseStage">The index of the earlier stage it builds on, when it builds on one.</param>
/// <param name="References">Its <c>COPY --from</c> and <c>RUN --mount=from=</c> references, in order.</param>
/// <param name="Instructions">Its instructions, the FROM first.</param>
public sealed record Stage(
    int Index,
    string? Name,
    int Line,
    string Base,
    StageBaseKind BaseKind,
    int? BaseStage,
    IReadOnlyList<StageReference> References,
    IReadOnlyList<Instruction> Instructions)
{
    /// <summary>The name BuildKit shows in its progress: the stage name, or <c>stage-N</c> when unnamed.</summary>
    public string DisplayName => Name ?? "stage-" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether building this stage loads the build context (and so applies .dockerignore).</summary>
    internal bool ReadsBuildContext { get; init; }
}
