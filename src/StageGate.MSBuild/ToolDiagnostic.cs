using System.Runtime.Serialization;

namespace StageGate.MSBuild;

/// <summary>One coded diagnostic of the JSON result, in the JSON report's shape.</summary>
[DataContract]
internal sealed class ToolDiagnostic
{
    [DataMember(Name = "severity")]
    public string? Severity { get; set; }

    [DataMember(Name = "code")]
    public string? Code { get; set; }

    [DataMember(Name = "message")]
    public string? Message { get; set; }

    [DataMember(Name = "file")]
    public string? File { get; set; }

    [DataMember(Name = "line")]
    public int? Line { get; set; }

    [DataMember(Name = "column")]
    public int? Column { get; set; }

    [DataMember(Name = "details")]
    public string[]? Details { get; set; }
}
