using StageGate.Diagnostics;

namespace StageGate.Dockerfiles;

/// <summary>
/// The rule behind SG5001: a <c>COPY --from</c> or <c>RUN --mount=from=</c> that names no stage but is one
/// typo away from a stage name. BuildKit takes such a name as an image and fails pulling it, far from the
/// line; the plan warns at the line first, and the lint runs the same rule.
/// </summary>
internal static class MistypedStageReferences
{
    /// <summary>One SG5001 warning per image reference that looks like a mistyped stage name, in Dockerfile order.</summary>
    public static IEnumerable<Diagnostic> Find(Dockerfile dockerfile)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var names = dockerfile.Stages.Where(s => s.Name is not null).Select(s => s.Name!).ToList();
        foreach (var stage in dockerfile.Stages)
        {
            foreach (var reference in stage.References)
            {
                if (reference is { Kind: StageReferenceKind.Image, Image: { } image } && CouldBeStageName(image)
                    && Suggestions.Nearest(image, names) is { } nearest)
                {
                    var flag = reference.Instruction == "COPY" ? "COPY --from" : "RUN --mount=from";
                    var (line, column) = ValuePosition(stage, reference, image);
                    yield return Codes.MistypedStageName.Create(
                        $"{flag}={image} names no stage, so BuildKit pulls '{image}' as an image. Did you mean '{nearest}'?",
                        dockerfile.Path, line, column);
                }
            }
        }
    }

    /// <summary>Where the value is written: after the last <c>--from=</c> of the COPY, or after the <c>from=</c> that names it in a RUN.</summary>
    private static (int Line, int Column) ValuePosition(Stage stage, StageReference reference, string image)
    {
        var instruction = stage.Instructions.First(i => i.StartLine == reference.Line);
        var key = reference.Instruction == "COPY" ? "--from=" : "from=" + image;
        var at = reference.Instruction == "COPY"
            ? instruction.Text.LastIndexOf(key, StringComparison.Ordinal)
            : instruction.Text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        return instruction.PositionOf(at < 0 ? 0 : at + (reference.Instruction == "COPY" ? key.Length : "from=".Length));
    }

    /// <summary>
    /// A tag, digest, registry or path (<c>golang:1.22</c>, <c>ghcr.io/x/y</c>, <c>img@sha256:…</c>) or a number
    /// is deliberate; a stage name has none of those.
    /// </summary>
    private static bool CouldBeStageName(string image) =>
        image.IndexOfAny([':', '/', '@', '.']) < 0 && !image.All(char.IsAsciiDigit);
}
