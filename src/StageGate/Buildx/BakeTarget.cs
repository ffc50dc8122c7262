namespace StageGate.Buildx;

/// <summary>
/// One target of a bake file: the same settings as <c>buildx build</c>, under bake's JSON names
/// (<c>context</c>, <c>dockerfile</c>, <c>target</c>, <c>cache-from</c>, <c>no-cache-filter</c>…).
/// </summary>
internal sealed record BakeTarget(string Name)
{
    public string? Context { get; init; }
    public string? Dockerfile { get; init; }
    public string? Target { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<BuildxSecret> Secrets { get; init; } = [];
    public IReadOnlyList<SshForward> Ssh { get; init; } = [];
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public IReadOnlyList<string> CacheFrom { get; init; } = [];
    public IReadOnlyList<string> CacheTo { get; init; } = [];
    public bool? NoCache { get; init; }
    public IReadOnlyList<string> NoCacheFilter { get; init; } = [];
    public IReadOnlyList<string> Outputs { get; init; } = [];
    public bool? Pull { get; init; }
    public IReadOnlyList<string> Attest { get; init; } = [];
}
