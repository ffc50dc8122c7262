using StageGate.Diagnostics;
using StageGate.Lint;

namespace StageGate.Registry;

/// <summary>
/// An image reference resolved as docker resolves it: <c>app</c> is <c>docker.io/library/app:latest</c>,
/// <c>host:5000/team/app@sha256:…</c> names a registry by its first component (a dot, a port or <c>localhost</c>).
/// </summary>
/// <param name="Domain">The registry as docker names it: <c>docker.io</c>, <c>host:5000</c>.</param>
/// <param name="Repository">The repository inside the registry: <c>library/app</c>, <c>team/app</c>.</param>
/// <param name="Tag">The tag; <c>latest</c> when neither a tag nor a digest is given.</param>
/// <param name="Digest">The digest, when the reference pins one; it wins over the tag when reading.</param>
internal sealed record RegistryReference(string Domain, string Repository, string? Tag, string? Digest)
{
    /// <summary>The name docker gives Docker Hub in references.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>The host that serves Docker Hub's Registry API; <c>docker.io</c> itself is only a name.</summary>
    private const string DockerHubApiHost = "registry-1.docker.io";

    /// <summary>The host (and port) the Registry API is reached at.</summary>
    public string ApiHost => Domain == DockerHub ? DockerHubApiHost : Domain;

    /// <summary>What a manifest request names: the digest when pinned, else the tag.</summary>
    public string ManifestReference => Digest ?? Tag ?? "latest";

    /// <summary>The same repository, pinned to <paramref name="digest"/>.</summary>
    public RegistryReference WithDigest(string digest) => this with { Digest = digest };

    /// <exception cref="StageGateException">SG2023 when the text is not an image reference.</exception>
    public static RegistryReference Parse(string text)
    {
        var parsed = ImageReference.Parse(text?.Trim() ?? "")
            ?? throw Codes.InvalidImageReference.Exception(
                $"'{text}' is not an image reference: write [registry[:port]/]repository[:tag][@sha256:digest] in lower case, e.g. registry.example:5000/team/app:1.0.");
        var name = parsed.Name;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        string domain, path;
        // docker's rule: the first component is a registry when it has a dot or a port, or is localhost.
        if (slash > 0 && (name[..slash].Contains('.', StringComparison.Ordinal) || name[..slash].Contains(':', StringComparison.Ordinal) || name[..slash] == "localhost"))
        {
            domain = name[..slash];
            path = name[(slash + 1)..];
        }
        else
        {
            domain = DockerHub;
            path = name;
        }
        if (domain == "index.docker.io")
        {
            domain = DockerHub;
        }
        if (domain == DockerHub && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }
        return new RegistryReference(domain, path, parsed.Tag ?? (parsed.Digest is null ? "latest" : null), parsed.Digest);
    }

    /// <summary><c>host:5000/team/app:1.0@sha256:…</c>, the full form docker prints.</summary>
    public override string ToString() =>
        $"{Domain}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";
}
