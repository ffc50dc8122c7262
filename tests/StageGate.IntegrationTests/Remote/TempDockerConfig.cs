namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// A docker config folder of a test's own (<c>DOCKER_CONFIG</c>), so logins and contexts a test makes never
/// touch the user's <c>~/.docker</c>. Disposing deletes it.
/// </summary>
internal sealed class TempDockerConfig : IDisposable
{
    private TempDockerConfig(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>The variables that make docker, buildx and StageGate use this folder.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["DOCKER_CONFIG"] = Folder };

    public static TempDockerConfig Create() => new(Directory.CreateTempSubdirectory("sgcfg-").FullName);

    /// <summary>This folder's variables on top of an engine's (<c>DOCKER_HOST</c> …); null means the main engine.</summary>
    public IReadOnlyDictionary<string, string?> With(IReadOnlyDictionary<string, string?>? engine)
    {
        var merged = new Dictionary<string, string?>(engine ?? new Dictionary<string, string?>());
        merged["DOCKER_CONFIG"] = Folder;
        return merged;
    }

    /// <summary>Runs <c>docker</c> with this folder as its config, against <paramref name="engine"/> (null: the main engine).</summary>
    public Task<string> DockerAsync(IReadOnlyDictionary<string, string?>? engine, IEnumerable<string> arguments, string? input = null, CancellationToken cancellationToken = default) =>
        FixtureCommand.RunAsync("docker", arguments, With(engine), input, cancellationToken);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
