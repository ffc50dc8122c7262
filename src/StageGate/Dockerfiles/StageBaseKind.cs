namespace StageGate.Dockerfiles;

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
