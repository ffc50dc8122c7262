using System.IO.Pipes;
using System.Net.Sockets;

namespace StageGate.Engine;

/// <summary>
/// How bytes reach the daemon: HTTP/1.1 over a unix socket, a Windows named pipe, or tcp (https when TLS is on).
/// </summary>
internal static class EngineTransport
{
    /// <summary>The handler and the base address every request path is appended to.</summary>
    internal static (SocketsHttpHandler Handler, Uri BaseAddress) Create(DockerEndpoint endpoint, TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };

        var host = endpoint.Host.OriginalString;
        switch (endpoint.Host.Scheme)
        {
            case "unix":
                var socketPath = host["unix://".Length..];
                // A local socket must never be sent through HTTP_PROXY.
                handler.UseProxy = false;
                handler.ConnectCallback = (_, cancellationToken) => ConnectUnixAsync(socketPath, cancellationToken);
                return (handler, new Uri("http://docker.sock/"));

            case "npipe":
                var (server, pipeName) = PipeAddress(host);
                handler.UseProxy = false;
                handler.ConnectCallback = (_, cancellationToken) => ConnectPipeAsync(server, pipeName, cancellationToken);
                return (handler, new Uri("http://docker.pipe/"));

            default:
                var tcp = endpoint.Host;
                if (endpoint.Tls is { } tls)
                {
                    handler.SslOptions = tls.CreateOptions(endpoint);
                }
                var scheme = endpoint.Tls is null ? "http" : "https";
                var basePath = tcp.AbsolutePath.TrimEnd('/') + "/";
                return (handler, new Uri($"{scheme}://{tcp.Authority}{basePath}"));
        }
    }

    /// <summary>The path of a unix endpoint, for messages.</summary>
    internal static string? SocketPath(DockerEndpoint endpoint) =>
        endpoint.Host.Scheme == "unix" ? endpoint.Host.OriginalString["unix://".Length..] : null;

    // npipe:////./pipe/docker_engine → server ".", pipe "docker_engine"; Uri would drop the "." so parse the text.
    private static (string Server, string Pipe) PipeAddress(string host)
    {
        var parts = host["npipe://".Length..].Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && string.Equals(parts[1], "pipe", StringComparison.OrdinalIgnoreCase)
            ? (parts[0], string.Join('/', parts[2..]))
            : (".", parts.Length > 0 ? parts[^1] : "docker_engine");
    }

    private static async ValueTask<Stream> ConnectUnixAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async ValueTask<Stream> ConnectPipeAsync(string server, string pipeName, CancellationToken cancellationToken)
    {
        var pipe = new NamedPipeClientStream(server, pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            // Waits for the pipe to appear until the handler's connect timeout cancels the token.
            await pipe.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return pipe;
        }
        catch
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
