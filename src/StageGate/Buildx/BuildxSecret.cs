namespace StageGate.Buildx;

/// <summary>A secret exposed to <c>RUN --mount=type=secret</c>: from an environment variable or from a file.</summary>
internal sealed record BuildxSecret
{
    private BuildxSecret(string id, string? environmentVariable, string? file)
    {
        Id = id;
        EnvironmentVariable = environmentVariable;
        File = file;
    }

    public string Id { get; }

    /// <summary>The environment variable holding the secret (<c>env=</c>).</summary>
    public string? EnvironmentVariable { get; }

    /// <summary>The file holding the secret (<c>src=</c>).</summary>
    public string? File { get; }

    /// <summary><c>id=npm,env=NPM_TOKEN</c>.</summary>
    public static BuildxSecret FromEnvironment(string id, string environmentVariable) => new(id, environmentVariable, null);

    /// <summary><c>id=npm,src=/home/me/.npmrc</c>.</summary>
    public static BuildxSecret FromFile(string id, string file) => new(id, null, file);
}
