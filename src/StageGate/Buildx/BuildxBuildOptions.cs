namespace StageGate.Buildx;

/// <summary>
/// Everything StageGate can pass to <c>docker buildx build</c>, option for option. Properties are named after the
/// flags; collections default to empty and booleans to off, so an unset option adds nothing to the command.
/// </summary>
internal sealed record BuildxBuildOptions
{
    /// <summary>The build context: a folder, a URL, or <c>-</c> for stdin. Always the last argument.</summary>
    public string Context { get; init; } = ".";

    /// <summary><c>--file</c>: the Dockerfile, when it is not <c>Context/Dockerfile</c>.</summary>
    public string? Dockerfile { get; init; }

    /// <summary><c>--target</c>: the stage to build.</summary>
    public string? Target { get; init; }

    /// <summary><c>--tag</c>, once per tag.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary><c>--build-arg NAME=value</c>, in name order so the command is stable.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = EmptyMap;

    /// <summary><c>--build-context name=path</c>, in name order.</summary>
    public IReadOnlyDictionary<string, string> BuildContexts { get; init; } = EmptyMap;

    /// <summary><c>--label NAME=value</c>, in name order.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap;

    /// <summary><c>--secret</c>, once per secret.</summary>
    public IReadOnlyList<BuildxSecret> Secrets { get; init; } = [];

    /// <summary><c>--ssh</c>, once per socket or key set.</summary>
    public IReadOnlyList<SshForward> Ssh { get; init; } = [];

    /// <summary><c>--platform a,b</c>.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary><c>--builder</c>: the buildx builder instance.</summary>
    public string? Builder { get; init; }

    /// <summary><c>--cache-from</c>, once per source.</summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = [];

    /// <summary><c>--cache-to</c>, once per destination.</summary>
    public IReadOnlyList<string> CacheTo { get; init; } = [];

    /// <summary><c>--no-cache</c>.</summary>
    public bool NoCache { get; init; }

    /// <summary><c>--no-cache-filter</c>, once per stage that must not use the cache.</summary>
    public IReadOnlyList<string> NoCacheFilter { get; init; } = [];

    /// <summary><c>--pull</c>: always try to pull base images.</summary>
    public bool Pull { get; init; }

    /// <summary><c>--network</c>: the network of <c>RUN</c> steps (<c>default</c>, <c>none</c>, <c>host</c>).</summary>
    public string? Network { get; init; }

    /// <summary><c>--add-host HOST:IP</c>, once per mapping.</summary>
    public IReadOnlyList<string> AddHosts { get; init; } = [];

    /// <summary><c>--load</c>: load the result into the docker image store.</summary>
    public bool Load { get; init; }

    /// <summary><c>--push</c>: push the result to its registry.</summary>
    public bool Push { get; init; }

    /// <summary><c>--output</c>, once per export (<c>type=cacheonly</c>, <c>type=local,dest=out</c>).</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary><c>--progress</c>; unset leaves buildx's own default.</summary>
    public ProgressMode? Progress { get; init; }

    /// <summary><c>--metadata-file</c>: where buildx writes digests and image names.</summary>
    public string? MetadataFile { get; init; }

    /// <summary><c>--iidfile</c>: where buildx writes the image id.</summary>
    public string? ImageIdFile { get; init; }

    /// <summary><c>--attest</c>, once per attestation (<c>type=sbom</c>).</summary>
    public IReadOnlyList<string> Attestations { get; init; } = [];

    /// <summary><c>--provenance</c> (<c>false</c>, <c>mode=max</c>).</summary>
    public string? Provenance { get; init; }

    /// <summary><c>--sbom</c> (<c>true</c>, <c>false</c>).</summary>
    public string? Sbom { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();

    /// <summary>
    /// The exact arguments after the <c>docker</c> executable, starting <c>buildx build</c> and ending with the
    /// context. Each value is one element, never quoted: no shell ever reads it.
    /// </summary>
    /// <exception cref="Diagnostics.StageGateException">SG1016 when an option cannot be expressed as a flag.</exception>
    internal IReadOnlyList<string> ToArguments()
    {
        var args = new BuildxArgumentList("buildx", "build");
        args.Value("--builder", Builder);
        args.Value("--file", Dockerfile);
        args.Value("--target", Target);
        args.Joined("--platform", Platforms);
        args.Each("--tag", Tags);
        args.Pairs("--build-arg", BuildArgs);
        args.Pairs("--build-context", BuildContexts);
        args.Pairs("--label", Labels);
        args.Each("--secret", Secrets.Select(BuildxArgumentList.SecretSpec).ToList());
        args.Each("--ssh", Ssh.Select(BuildxArgumentList.SshSpec).ToList());
        args.Each("--cache-from", CacheFrom);
        args.Each("--cache-to", CacheTo);
        args.Flag("--no-cache", NoCache);
        args.Each("--no-cache-filter", NoCacheFilter);
        args.Flag("--pull", Pull);
        args.Value("--network", Network);
        args.Each("--add-host", AddHosts);
        args.Each("--output", Outputs);
        args.Flag("--load", Load);
        args.Flag("--push", Push);
        args.Each("--attest", Attestations);
        args.Value("--provenance", Provenance);
        args.Value("--sbom", Sbom);
        args.Value("--progress", BuildxArgumentList.ProgressName(Progress));
        args.Value("--metadata-file", MetadataFile);
        args.Value("--iidfile", ImageIdFile);
        args.Positional("build context", Context);
        return args.ToList();
    }
}
