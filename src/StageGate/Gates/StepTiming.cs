namespace StageGate.Gates;

/// <summary>How long one build step took, and whether it came from the cache.</summary>
public sealed record StepTiming(string Target, string Step, bool Cached, TimeSpan Duration);
