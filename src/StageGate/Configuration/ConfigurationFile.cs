using StageGate.Hosting;

namespace StageGate.Configuration;

/// <summary>What a <c>stagegate.json</c> says: the options it sets, read like a front end's (relative paths resolved against its folder).</summary>
internal sealed record ConfigurationFile(string Path, IReadOnlyDictionary<GateOption, object> Values);
