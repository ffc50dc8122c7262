namespace StageGate.Engine;

/// <summary>One line of <c>docker image rm</c>: a tag removed (<c>Untagged</c>) or an image deleted (<c>Deleted</c>).</summary>
internal sealed record RemovedImage(string? Untagged, string? Deleted)
{
    public override string ToString() => Untagged is not null ? $"Untagged: {Untagged}" : $"Deleted: {Deleted}";
}
