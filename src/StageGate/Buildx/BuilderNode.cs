namespace StageGate.Buildx;

/// <summary>One node of a builder.</summary>
internal sealed record BuilderNode(string Name)
{
    public string? Endpoint { get; init; }
    public string? Status { get; init; }

    /// <summary>As printed, e.g. <c>v0.8+unknown</c>; see <see cref="Version"/> for the numbers.</summary>
    public string? BuildKitVersion { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = [];
    public string? Error { get; init; }

    public Version? Version => BuildKitVersion is null ? null : BuildxVersion.ParseVersion(BuildKitVersion);
}
