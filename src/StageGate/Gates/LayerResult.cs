namespace StageGate.Gates;

/// <summary>One layer of the final image, attributed to the Dockerfile instruction that made it.</summary>
public sealed record LayerResult(long SizeBytes, string CreatedBy, int? Line);
