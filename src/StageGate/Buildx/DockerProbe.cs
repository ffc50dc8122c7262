using System.Text;
using StageGate.Diagnostics;
using StageGate.Engine;
using StageGate.Processes;

namespace StageGate.Buildx;

/// <summary>
/// Checks that docker, the buildx plugin, the daemon and the builder answer, and turns each missing piece into a
/// coded diagnostic with its remedy. It runs only after a build that stopped before any step: asking up front cost
/// every run about 70 ms of process starts to explain the rare one that cannot start.
/// </summary>
internal static class DockerProbe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Explains runs that failed before any step of a stage started: when docker, buildx, the daemon or the builder is
    /// missing, throws its coded diagnostic (SG2002, SG2003, SG2004); otherwise returns, and the run's own words stand.
    /// </summary>
    public static async Task DiagnoseAsync(string docker, string? builder, IReadOnlyList<BuildRun> runs, CancellationToken cancellationToken)
    {
        if (runs.Any(r => !r.Succeeded && !r.Steps.Any(s => !s.IsInternal && s.Started is not null)))
        {
            await EnsureReadyAsync(docker, builder, cancellationToken);
        }
    }

    public static async Task EnsureReadyAsync(string docker, string? builder, CancellationToken cancellationToken)
    {
        var buildx = await RunAsync(docker, ["buildx", "version"], cancellationToken);
        if (buildx.ExitCode != 0)
        {
            throw Codes.BuildxNotFound.Exception(
                $"`{docker} buildx version` failed: {FirstLine(buildx.Error)}. Install the buildx plugin (Debian: docker-buildx, or put docker-buildx in ~/.docker/cli-plugins).");
        }

        var endpoint = await EndpointResolver.ResolveAsync(docker, cancellationToken);
        if (endpoint is { CanSpeak: true })
        {
            using var engine = new EngineClient(endpoint);
            await engine.PingAsync(cancellationToken);
        }
        else
        {
            var version = await RunAsync(docker, ["version", "--format", "{{.Server.Version}}"], cancellationToken);
            if (version.ExitCode != 0)
            {
                throw Codes.DaemonNotAnswering.Exception(
                    $"The Docker daemon {(endpoint is null ? $"of `{docker}`" : $"at {endpoint}")} does not answer: {FirstLine(version.Error)}. Start it, or point DOCKER_HOST / the docker context at one that runs.");
            }
        }

        if (!string.IsNullOrWhiteSpace(builder))
        {
            var inspect = await RunAsync(docker, ["buildx", "inspect", builder], cancellationToken);
            if (inspect.ExitCode != 0)
            {
                throw Codes.BuilderNotAnswering.Exception(
                    $"buildx builder '{builder}' is not available: {FirstLine(inspect.Error)}. See `docker buildx ls`.");
            }
        }
    }

    /// <summary>
    /// The builder's driver and BuildKit version from <c>docker buildx inspect [builder]</c>; null when buildx does not
    /// answer in its usual words, which <see cref="EnsureReadyAsync"/> has already reported for a named builder.
    /// </summary>
    public static async Task<BuilderInfo?> InspectBuilderAsync(string docker, string? builder, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var inspect = await RunAsync(docker, string.IsNullOrWhiteSpace(builder) ? ["buildx", "inspect"] : ["buildx", "inspect", builder], cancellationToken, output);
        return inspect.ExitCode == 0 ? BuilderInfo.Parse(output.ToString()) : null;
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string docker, string[] arguments, CancellationToken cancellationToken, StringBuilder? output = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var error = new StringBuilder();
        try
        {
            var result = await ProcessRunner.RunAsync(
                new ProcessCommand(docker).WithArguments(arguments),
                output is null ? OutputTarget.Null : OutputTarget.ToStringBuilder(output),
                OutputTarget.ToStringBuilder(error),
                timeout.Token);
            return (result.ExitCode, error.ToString());
        }
        catch (ProcessNotStartedException ex)
        {
            throw DockerNotFound(ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Codes.DaemonNotAnswering.Exception(
                $"`{docker} {string.Join(' ', arguments)}` did not answer within {ProbeTimeout.TotalSeconds:0} seconds; check that the Docker daemon runs.");
        }
    }

    /// <summary>
    /// SG2001 for a docker that does not start: the reason once and the catalogue's remedy, instead of
    /// the process layer's generic "install it" advice.
    /// </summary>
    public static StageGateException DockerNotFound(ProcessNotStartedException exception) =>
        new(Codes.DockerNotFound.Create($"Could not start '{exception.FileName}': {ProcessNotStartedException.Reason}. {Codes.DockerNotFound.Remedy}"), exception);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no output" : line;
    }
}
