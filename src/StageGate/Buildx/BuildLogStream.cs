namespace StageGate.Buildx;

/// <summary>Which output stream a line of a step's output came from.</summary>
internal enum BuildLogStream
{
    Stdout = 1,
    Stderr = 2,
}
