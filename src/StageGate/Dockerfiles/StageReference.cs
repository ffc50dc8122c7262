namespace StageGate.Dockerfiles;

/// <summary>
/// A <c>COPY --from</c> or <c>RUN --mount=from=</c> that takes files from another stage or an image.
/// </summary>
/// <param name="Instruction">The keyword of the instruction that makes the reference (<c>COPY</c>, <c>RUN</c>).</param>
/// <param name="Line">The 1-based line of that instruction.</param>
/// <param name="Kind">Whether it names a stage of this Dockerfile or an image.</param>
/// <param name="Stage">The index of the referenced stage, for stage references.</param>
/// <param name="Image">The image as written, for image references.</param>
public sealed record StageReference(string Instruction, int Line, StageReferenceKind Kind, int? Stage, string? Image);
