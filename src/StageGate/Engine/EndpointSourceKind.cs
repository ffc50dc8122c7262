namespace StageGate.Engine;

/// <summary>Where a <see cref="DockerEndpoint"/> came from; it decides the advice given when the daemon does not answer.</summary>
internal enum EndpointSourceKind
{
    /// <summary>Nothing chose a daemon, so the platform's default socket or pipe is used.</summary>
    Default,

    /// <summary>The <c>DOCKER_HOST</c> environment variable.</summary>
    DockerHost,

    /// <summary>A named docker context, from <c>DOCKER_CONTEXT</c> or the config's <c>currentContext</c>.</summary>
    Context,

    /// <summary>A configured docker executable other than the default, asked with <c>context inspect</c>.</summary>
    DockerExecutable,
}
