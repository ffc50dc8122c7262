using StageGate.Context;

namespace StageGate.Lint;

/// <summary>The build context a Dockerfile is linted against: its folder and the ignore file a build would use.</summary>
internal sealed class LintContext
{
    private readonly Lazy<BuildContextListing> _listing;

    public LintContext(string directory, DockerIgnore ignore, CancellationToken cancellationToken = default)
    {
        Directory = directory;
        Ignore = ignore;
        // Walking a large context costs time; only the rules that need what is sent pay for it.
        _listing = new Lazy<BuildContextListing>(() => BuildContext.Enumerate(directory, ignore, cancellationToken));
    }

    public string Directory { get; }

    public DockerIgnore Ignore { get; }

    /// <summary>What a build would send, after the ignore file.</summary>
    public BuildContextListing Listing => _listing.Value;

    /// <summary>The context of a build of <paramref name="dockerfilePath"/>, with the ignore file BuildKit would pick.</summary>
    public static LintContext For(string directory, string dockerfilePath, CancellationToken cancellationToken = default) =>
        new(directory, DockerIgnore.ForBuild(directory, dockerfilePath), cancellationToken);
}
