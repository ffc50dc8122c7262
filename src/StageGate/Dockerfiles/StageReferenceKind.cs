namespace StageGate.Dockerfiles;

/// <summary>What a <see cref="StageReference"/> points at.</summary>
public enum StageReferenceKind
{
    /// <summary>A stage of this Dockerfile, named or numbered.</summary>
    Stage,

    /// <summary>An image (or a named build context), not a stage.</summary>
    Image,
}
