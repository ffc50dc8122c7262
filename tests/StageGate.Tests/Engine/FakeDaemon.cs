using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using StageGate.Engine;

namespace StageGate.Tests.Engine;

/// <summary>A request the fake daemon received: method and path with query, e.g. <c>GET /v1.41/version</c>.</summary>
internal sealed record FakeRequest(string Method, string Target)
{
    public override string ToString() => $"{Method} {Target}";
}

/// <summary>A canned HTTP/1.1 answer.</summary>
internal sealed record FakeResponse(int Status, string Body = "", string? ApiVersion = "1.41")
{
    public static FakeResponse Json(string body, int status = 200) => new(status, body);

    /// <summary>No answer: the connection is reset (<paramref name="reset"/>) or closed, as when dockerd is killed or restarted mid-request.</summary>
    public static FakeResponse Dropped(bool reset) => new(reset ? ResetStatus : ClosedStatus);

    internal const int ResetStatus = -1;
    internal const int ClosedStatus = -2;
}

/// <summary>
/// A tiny stand-in for dockerd: answers canned HTTP/1.1 responses on a unix socket in a temp folder
/// (or on loopback tcp behind TLS), one request per connection, and records what it was asked.
/// </summary>
internal sealed class FakeDaemon : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly Func<FakeRequest, FakeResponse> answer;
    private readonly X509Certificate2? serverCertificate;
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private readonly string? folder;

    private FakeDaemon(Socket listener, Func<FakeRequest, FakeResponse> answer, X509Certificate2? serverCertificate, string? folder)
    {
        this.listener = listener;
        this.answer = answer;
        this.serverCertificate = serverCertificate;
        this.folder = folder;
        acceptLoop = Task.Run(AcceptAsync);
    }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>The address to give the client: <c>unix:///tmp/…/docker.sock</c> or <c>tcp://localhost:port</c>.</summary>
    public required string Host { get; init; }

    public DockerEndpoint Endpoint => new(new Uri(Host), EndpointSourceKind.DockerHost, "test daemon", CanSpeak: true);

    /// <summary>Client-side paths only (method and target), in order.</summary>
    public IReadOnlyList<string> Log => Requests.Select(r => r.ToString()).ToList();

    public static FakeDaemon OnUnixSocket(Func<FakeRequest, FakeResponse> answer)
    {
        var folder = Directory.CreateTempSubdirectory("sg-engine-").FullName;
        var path = Path.Combine(folder, "docker.sock");
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(16);
        return new FakeDaemon(listener, answer, null, folder) { Host = "unix://" + path };
    }

    public static FakeDaemon OnTls(X509Certificate2 serverCertificate, Func<FakeRequest, FakeResponse> answer)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        return new FakeDaemon(listener, answer, serverCertificate, null) { Host = $"tcp://localhost:{port}" };
    }

    /// <summary>Whether the client presented a certificate during the last TLS handshake.</summary>
    public bool SawClientCertificate { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Dispose();
        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The loop ends by its listener being closed under it.
        }
        stop.Dispose();
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var connection = await listener.AcceptAsync(stop.Token);
            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using (connection)
        {
            Stream stream = new NetworkStream(connection, ownsSocket: false);
            try
            {
                if (serverCertificate is not null)
                {
                    var tls = new SslStream(stream, leaveInnerStreamOpen: false, static (_, _, _, _) => true);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                    {
                        ServerCertificate = serverCertificate,
                        ClientCertificateRequired = true,
                    }, stop.Token);
                    SawClientCertificate = tls.RemoteCertificate is not null;
                    stream = tls;
                }

                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }
                Requests.Enqueue(request);
                var response = answer(request);
                if (response.Status is FakeResponse.ResetStatus or FakeResponse.ClosedStatus)
                {
                    // Linger 0 makes the close a reset (RST); otherwise the client reads an end of stream.
                    connection.LingerState = new LingerOption(response.Status == FakeResponse.ResetStatus, 0);
                    if (response.Status == FakeResponse.ResetStatus)
                    {
                        connection.Close();
                    }
                    return;
                }
                var body = Encoding.UTF8.GetBytes(response.Body);
                var head = new StringBuilder()
                    .Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(Reason(response.Status)).Append("\r\n")
                    .Append("Content-Type: application/json\r\n")
                    .Append("Content-Length: ").Append(body.Length).Append("\r\n")
                    .Append("Connection: close\r\n");
                if (response.ApiVersion is not null)
                {
                    head.Append("Api-Version: ").Append(response.ApiVersion).Append("\r\n");
                }
                head.Append("\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop.Token);
                await stream.WriteAsync(body, stop.Token);
                await stream.FlushAsync(stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                // A client that went away is the client's test to fail, not the fake's.
            }
            finally
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task<FakeRequest?> ReadRequestAsync(Stream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (!EndsHead(received))
        {
            var read = await stream.ReadAsync(buffer, stop.Token);
            if (read == 0)
            {
                return null;
            }
            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }
        var requestLine = Encoding.ASCII.GetString(received.ToArray()).Split("\r\n")[0].Split(' ');
        return new FakeRequest(requestLine[0], requestLine[1]);
    }

    private static bool EndsHead(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        404 => "Not Found",
        409 => "Conflict",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
