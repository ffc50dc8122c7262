using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace StageGate.Tests.Registry;

/// <summary>
/// A registry in the test process (HttpListener on 127.0.0.1): it serves the manifests a test puts in it, and
/// answers as the test's <see cref="Respond"/> says first, so each fault a real registry has can be staged.
/// </summary>
internal sealed class FakeRegistry : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (string MediaType, byte[] Body)> _manifests = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public FakeRegistry()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>As an image reference names it.</summary>
    public string Host => $"127.0.0.1:{Port}";

    /// <summary>What each request asked: method, path and query, and the Authorization header.</summary>
    public List<(string Method, string Url, string? Authorization)> Requests { get; } = [];

    /// <summary>Answers a request before the manifests do; returns false to let them answer.</summary>
    public Func<HttpListenerContext, Task<bool>>? Respond { get; set; }

    /// <summary>Stores a manifest under its digest (and <paramref name="tag"/>); returns the digest.</summary>
    public string Put(string repository, string mediaType, string json, string? tag = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var digest = Digest(body);
        lock (_manifests)
        {
            _manifests[$"{repository}@{digest}"] = (mediaType, body);
            if (tag is not null)
            {
                _manifests[$"{repository}:{tag}"] = (mediaType, body);
            }
        }
        return digest;
    }

    public static string Digest(byte[] body) => "sha256:" + Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();

    /// <summary>An image manifest of <paramref name="mediaType"/> with a config and layers of the given sizes.</summary>
    public static string Image(string mediaType, long config, params long[] layers) => $$"""
        {
          "schemaVersion": 2,
          "mediaType": "{{mediaType}}",
          "config": { "mediaType": "application/vnd.oci.image.config.v1+json", "size": {{config}}, "digest": "sha256:{{new string('c', 64)}}" },
          "layers": [{{string.Join(",", layers.Select((size, i) => $$"""{ "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "size": {{size}}, "digest": "sha256:{{i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)}}" }"""))}}]
        }
        """;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            lock (Requests)
            {
                Requests.Add((context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.Headers["Authorization"]));
            }
            if (Respond is { } respond && await respond(context))
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            const string prefix = "/v2/";
            var manifests = path.LastIndexOf("/manifests/", StringComparison.Ordinal);
            if (path.StartsWith(prefix, StringComparison.Ordinal) && manifests > 0)
            {
                var repository = path[prefix.Length..manifests];
                var reference = path[(manifests + "/manifests/".Length)..];
                var key = reference.StartsWith("sha256:", StringComparison.Ordinal) ? $"{repository}@{reference}" : $"{repository}:{reference}";
                (string MediaType, byte[] Body) found;
                bool exists;
                lock (_manifests)
                {
                    exists = _manifests.TryGetValue(key, out found);
                }
                if (exists)
                {
                    context.Response.ContentType = found.MediaType;
                    context.Response.Headers["Docker-Content-Digest"] = Digest(found.Body);
                    await WriteAsync(context, 200, found.Body);
                    return;
                }
                await WriteAsync(context, 404, Encoding.UTF8.GetBytes("""{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}"""));
                return;
            }
            await WriteAsync(context, 404, []);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (a timeout or cancellation test).
        }
    }

    public static async Task WriteAsync(HttpListenerContext context, int status, byte[] body, string? contentType = null)
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
