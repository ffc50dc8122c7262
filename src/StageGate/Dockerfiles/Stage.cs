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
}

/// <summary>What a stage's FROM names.</summary>
public enum StageBaseKind
{
    /// <summary>An image from a registry or the local image store.</summary>
    Image,

    /// <summary>An earlier stage of the same Dockerfile.</summary>
    Stage,

    /// <summary>The empty image, <c>scratch</c>.</summary>
    Scratch,
}

/// <summary>
/// A <c>COPY --from</c> or <c>RUN --mount=from=</c> that takes files from another stage or an image.
/// </summary>
/// <param name="Instruction">The keyword of the instruction that makes the reference (<c>COPY</c>, <c>RUN</c>).</param>
/// <param name="Line">The 1-based line of that instruction.</param>
/// <param name="Kind">Whether it names a stage of this Dockerfile or an image.</param>
/// <param name="Stage">The index of the referenced stage, for stage references.</param>
/// <param name="Image">The image as written, for image references.</param>
public sealed record StageReference(string Instruction, int Line, StageReferenceKind Kind, int? Stage, string? Image);

/// <summary>What a <see cref="StageReference"/> points at.</summary>
public enum StageReferenceKind
{
    /// <summary>A stage of this Dockerfile, named or numbered.</summary>
    Stage,

    /// <summary>An image (or a named build context), not a stage.</summary>
    Image,
}
