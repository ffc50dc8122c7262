using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// Something at a <c>tcp://</c> DOCKER_HOST that is not a Docker engine: it answers every connection with bytes
/// that are not HTTP, or with HTTP 200 and a body that is not the Engine API's JSON (a proxy's page, a wrong port).
/// </summary>
internal sealed class GarbageEngine : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private GarbageEngine(TcpListener listener, bool answerHttp)
    {
        _listener = listener;
        _serving = ServeAsync(answerHttp);
    }

    /// <summary>The value of <c>DOCKER_HOST</c> that reaches it.</summary>
    public string Host => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public static GarbageEngine Start(bool answerHttp)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new GarbageEngine(listener, answerHttp);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private async Task ServeAsync(bool answerHttp)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = AnswerAsync(client, answerHttp);
        }
    }

    private async Task AnswerAsync(TcpClient client, bool answerHttp)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                // The request's first bytes; what it asks for does not matter.
                _ = await stream.ReadAsync(buffer, _stop.Token);
                const string Page = "<html><body>Welcome to nginx!</body></html>";
                var answer = answerHttp
                    ? $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {Page.Length}\r\nConnection: close\r\n\r\n{Page}"
                    : "\u0015\u0003\u0001\u0000\u0002\u0002\u0028 not http at all\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up first.
            }
        }
    }
}
