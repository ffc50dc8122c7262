namespace StageGate.Buildx;

/// <summary>An SSH agent socket or keys exposed to <c>RUN --mount=type=ssh</c> (<c>--ssh default</c>, <c>--ssh id=path</c>).</summary>
internal sealed record SshForward(string Id, IReadOnlyList<string> Paths)
{
    public SshForward(string id)
        : this(id, [])
    {
    }

    /// <summary><c>default</c>, <c>ID=PATH</c> or <c>ID=PATH,PATH</c>, as buildx's <c>--ssh</c> takes it.</summary>
    public static SshForward Parse(string spec)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? new SshForward(spec) : new SshForward(spec[..eq], spec[(eq + 1)..].Split(','));
    }

    /// <summary>The default agent socket, <c>$SSH_AUTH_SOCK</c>.</summary>
    public static SshForward Default { get; } = new("default");
}
