using System.Text.Json.Serialization;

namespace StageGate.Buildx;

/// <summary>
/// Reads <see cref="SolveStatus"/> with code generated at compile time: reflection-based JSON cannot run in the
/// Native AOT build of the tool, and skips the JIT work that dominated a warm run's start-up.
/// </summary>
[JsonSerializable(typeof(SolveStatus))]
internal sealed partial class SolveStatusJsonContext : JsonSerializerContext;
