namespace StageGate.Buildx;

/// <summary>An SSH agent socket or keys exposed to <c>RUN --mount=type=ssh</c> (<c>--ssh default</c>, <c>--ssh id=path</c>).</summary>
internal sealed record SshForward(string Id, IReadOnlyList<string> Paths)
{
    public SshForward(string id)
        : this(id, [])
    {
    }

    /// <summary>The default agent socket, <c>$SSH_AUTH_SOCK</c>.</summary>
    public static SshForward Default { get; } = new("default");
}
