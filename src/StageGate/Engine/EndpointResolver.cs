using System.Text;
using StageGate.Processes;

namespace StageGate.Engine;

/// <summary>
/// Which daemon a docker executable talks to. Both channels follow this one rule — buildx runs through the
/// executable, measuring goes through the Engine client — so they never talk to different daemons.
/// </summary>
internal static class EndpointResolver
{
    /// <summary>The docker executable used when none is configured: <c>docker</c>, found on PATH.</summary>
    internal const string DefaultDocker = "docker";

    // `context inspect` only reads files; an executable that takes longer than this is not a docker CLI.
    private static readonly TimeSpan InspectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The endpoint <paramref name="docker"/> uses, or null when only that executable knows how to reach
    /// its daemon (measure through it then). The default <c>docker</c> resolves <c>DOCKER_HOST</c>,
    /// <c>DOCKER_CONTEXT</c> and its config exactly as <see cref="DockerEndpoint.Resolve()"/> does, so it is
    /// not asked; any other executable (a wrapper, podman, a docker with its own config) is asked with
    /// <c>context inspect</c>, since its answer may differ.
    /// </summary>
    public static Task<DockerEndpoint?> ResolveAsync(string docker, CancellationToken cancellationToken) =>
        ResolveAsync(docker, DockerEndpoint.Resolve, cancellationToken);

    /// <summary>The rule itself, over the default resolution, so tests can tell which branch was taken.</summary>
    internal static async Task<DockerEndpoint?> ResolveAsync(string docker, Func<DockerEndpoint> resolveDefault, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docker);
        if (IsDefault(docker))
        {
            return resolveDefault();
        }
        var answer = await InspectContextAsync(docker, cancellationToken).ConfigureAwait(false);
        return answer is null ? null : DockerEndpoint.FromContextInspect(answer, docker, OperatingSystem.IsWindows());
    }

    private static bool IsDefault(string docker) =>
        docker == DefaultDocker || (OperatingSystem.IsWindows() && docker.Equals(DefaultDocker + ".exe", StringComparison.OrdinalIgnoreCase));

    private static async Task<string?> InspectContextAsync(string docker, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InspectTimeout);
        var output = new StringBuilder();
        try
        {
            var result = await ProcessRunner.RunAsync(
                new ProcessCommand(docker).WithArguments("context", "inspect", "--format", "{{json .}}"),
                OutputTarget.ToStringBuilder(output),
                OutputTarget.Null,
                timeout.Token).ConfigureAwait(false);
            return result.ExitCode == 0 ? output.ToString() : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ProcessNotStartedException)
        {
            // The CLI route reports an executable that does not start, with its remedy (SG2001).
            return null;
        }
    }
}
