using System.Runtime.Serialization;

namespace StageGate.MSBuild;

/// <summary>
/// What <c>stagegate msbuild</c> writes (docs/json-result.md), as far as the task reads it. Read with the data contract
/// serializer, which .NET Framework has built in: a JSON library beside the task could clash with Visual Studio's own.
/// </summary>
[DataContract]
internal sealed class ToolResult
{
    /// <summary>The newest shape this task reads (RunJson.SchemaVersion when the package was built); a newer one is refused.</summary>
    public const int KnownSchemaVersion = 1;

    [DataMember(Name = "schemaVersion")]
    public int SchemaVersion { get; set; }

    [DataMember(Name = "exitCode")]
    public int? ExitCode { get; set; }

    [DataMember(Name = "passed")]
    public bool? Passed { get; set; }

    [DataMember(Name = "summary")]
    public string? Summary { get; set; }

    [DataMember(Name = "quiet")]
    public bool Quiet { get; set; }

    [DataMember(Name = "diagnostics")]
    public ToolDiagnostic[]? Diagnostics { get; set; }

    [DataMember(Name = "ciCommands")]
    public string[]? CiCommands { get; set; }

    [DataMember(Name = "msbuild")]
    public ToolOutputs? MSBuild { get; set; }
}
