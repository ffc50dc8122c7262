namespace StageGate.Configuration;

/// <summary>The options after <c>stagegate.json</c> filled their gaps, and the file that did (for the inputs hash).</summary>
internal sealed record ConfiguredOptions(Gates.GateOptions Options, string? ConfigurationFile);
