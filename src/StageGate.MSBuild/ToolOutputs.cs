using System.Runtime.Serialization;

namespace StageGate.MSBuild;

/// <summary>The <c>msbuild</c> member of the JSON result: the task's outputs, and what happened to the incremental skip.</summary>
[DataContract]
internal sealed class ToolOutputs
{
    [DataMember(Name = "skipped")]
    public bool Skipped { get; set; }

    [DataMember(Name = "stampWritten")]
    public bool StampWritten { get; set; }

    [DataMember(Name = "imageId")]
    public string? ImageId { get; set; }

    [DataMember(Name = "digest")]
    public string? Digest { get; set; }

    [DataMember(Name = "finalSizeBytes")]
    public string? FinalSizeBytes { get; set; }

    [DataMember(Name = "reportPath")]
    public string? ReportPath { get; set; }
}
