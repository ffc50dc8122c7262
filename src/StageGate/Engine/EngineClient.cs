using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using StageGate.Diagnostics;

namespace StageGate.Engine;

/// <summary>
/// A small Docker Engine API client: ping, version, and the image calls StageGate measures with.
/// The API version is negotiated like the docker CLI does, capped at the newest one this client knows.
/// </summary>
internal sealed class EngineClient : IDisposable
{
    /// <summary>The newest Engine API version these calls are written against.</summary>
    internal const string NewestApiVersion = "1.43";

    /// <summary>What the CLI assumes when a daemon's ping does not say its version.</summary>
    internal const string FallbackApiVersion = "1.24";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    // Removing a large image can take a while; a daemon that needs longer than this is stuck.
    private static readonly TimeSpan ImageRequestTimeout = TimeSpan.FromMinutes(2);

    private readonly HttpClient http;
    private readonly TimeSpan timeout;
    private string? apiVersion;

    /// <param name="endpoint">Where the daemon is; see <see cref="DockerEndpoint.Resolve()"/>.</param>
    /// <param name="timeout">How long to wait for the daemon to accept a connection and to answer a ping (default 5 s).</param>
    public EngineClient(DockerEndpoint endpoint, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.CanSpeak)
        {
            throw Codes.DaemonNotAnswering.Exception(
                $"The Docker daemon at {endpoint} can only be reached through the docker CLI, not the Engine API client.");
        }
        Endpoint = endpoint;
        this.timeout = timeout is { } t && t > TimeSpan.Zero ? t : DefaultTimeout;
        var (handler, baseAddress) = EngineTransport.Create(endpoint, this.timeout);
        http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>The API version requests use, once negotiated (the first call negotiates it).</summary>
    internal string? ApiVersion => apiVersion;

    /// <summary>Checks that the daemon answers; SG2003 when it does not, within the timeout.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "_ping", timeout, cancellationToken).ConfigureAwait(false);
        var serverVersion = response.Headers.TryGetValues("API-Version", out var values) ? values.FirstOrDefault() : null;
        // A TLS daemon answers plain http with 400 ("Client sent an HTTP request to an HTTPS server").
        var advice = response.StatusCode == HttpStatusCode.BadRequest && Endpoint.Host.Scheme == "tcp" && Endpoint.Tls is null
            ? " If the daemon uses TLS, set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (or use a docker context with its TLS files)."
            : "";
        await EnsureSuccessAsync(response, "_ping", cancellationToken, advice).ConfigureAwait(false);
        // Every Docker engine (and podman) answers the ping with "OK"; a web server or proxy on a wrong host or
        // port answers 200 too, and must not pass for a daemon whose later answers are then unreadable.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (serverVersion is null && !string.Equals(body.Trim(), "OK", StringComparison.Ordinal))
        {
            throw Codes.DaemonNotAnswering.Exception(
                $"{Endpoint} answers, but not as a Docker engine: GET /_ping gave {(int)response.StatusCode} with '{Snippet(body)}' " +
                "where a daemon says 'OK'. Check the host and port of DOCKER_HOST or of the docker context.");
        }
        apiVersion = Negotiate(serverVersion);
    }

    /// <summary>The daemon's version, API version, OS and architecture (<c>docker version</c>'s server part).</summary>
    public async Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        using var document = await GetJsonAsync("version", timeout, cancellationToken).ConfigureAwait(false);
        return EngineJson.ReadVersion(document!.RootElement);
    }

    /// <summary>An image's ID, tags, size and layers, or null when the daemon has no such image.</summary>
    public async Task<ImageDetails?> InspectImageAsync(string image, CancellationToken cancellationToken = default)
    {
        using var document = await GetJsonAsync($"images/{ImagePath(image)}/json", ImageRequestTimeout, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        return document is null ? null : EngineJson.ReadImage(document.RootElement);
    }

    /// <summary>The image's history, newest step first, as <c>docker image history</c>; empty when the daemon has no such image.</summary>
    public async Task<IReadOnlyList<ImageLayer>> GetImageHistoryAsync(string image, CancellationToken cancellationToken = default)
    {
        using var document = await GetJsonAsync($"images/{ImagePath(image)}/history", ImageRequestTimeout, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        return document is null ? [] : EngineJson.ReadHistory(document.RootElement);
    }

    /// <summary>
    /// Removes an image or one of its tags, as <c>docker image rm</c>. Returns what was untagged and deleted;
    /// empty when the daemon has no such image. An image in use or with other tags is SG2005 unless forced.
    /// </summary>
    public async Task<IReadOnlyList<RemovedImage>> RemoveImageAsync(string image, bool force = false, bool noPrune = false, CancellationToken cancellationToken = default)
    {
        var path = $"images/{ImagePath(image)}?force={Flag(force)}&noprune={Flag(noPrune)}";
        using var response = await SendVersionedAsync(HttpMethod.Delete, path, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        await EnsureSuccessAsync(response, path, cancellationToken).ConfigureAwait(false);
        using var document = await ReadJsonAsync(response, path, cancellationToken).ConfigureAwait(false);
        return EngineJson.ReadRemoved(document.RootElement);
    }

    public void Dispose() => http.Dispose();

    /// <summary>min(daemon, newest known), like the CLI's negotiation; a daemon that does not say gets 1.24.</summary>
    internal static string Negotiate(string? serverVersion)
    {
        if (!System.Version.TryParse(serverVersion, out var server))
        {
            return FallbackApiVersion;
        }
        return server < System.Version.Parse(NewestApiVersion) ? server.ToString(2) : NewestApiVersion;
    }

    private async Task<JsonDocument?> GetJsonAsync(string path, TimeSpan bound, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        await EnsureApiVersionAsync(cancellationToken).ConfigureAwait(false);
        using var response = await SendAsync(HttpMethod.Get, $"v{apiVersion}/{path}", bound, cancellationToken).ConfigureAwait(false);
        if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(response, path, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, path, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendVersionedAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        await EnsureApiVersionAsync(cancellationToken).ConfigureAwait(false);
        return await SendAsync(method, $"v{apiVersion}/{path}", ImageRequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureApiVersionAsync(CancellationToken cancellationToken)
    {
        if (apiVersion is null)
        {
            await PingAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one request, bounded in time; a daemon that cannot be reached or stalls is SG2003.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativePath, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(bound);
        using var request = new HttpRequestMessage(method, new Uri(http.BaseAddress!, relativePath));
        try
        {
            // The whole body is read inside the bound, so a daemon that stops mid-answer cannot hang us.
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw NotAnswering($"it did not answer within {Seconds(bound)}", e);
        }
        catch (HttpRequestException e)
        {
            throw NotAnswering(Describe(e), e);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken, string advice = "")
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var message = EngineJson.ReadErrorMessage(body);
        throw Codes.EngineRequestFailed.Exception(
            $"The Docker daemon at {Endpoint} answered {response.RequestMessage?.Method} /{PathOnly(path)} " +
            $"with {(int)response.StatusCode} {response.ReasonPhrase}: {(message.Length > 0 ? message : "no message")}{advice}");
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new StageGateException(Codes.EngineRequestFailed.Create(
                $"The Docker daemon at {Endpoint} answered /{PathOnly(path)} with something that is not JSON: " +
                EngineJson.ReadErrorMessage(Encoding.UTF8.GetString(body))), e);
        }
    }

    private StageGateException NotAnswering(string reason, Exception inner)
    {
        var advice = Endpoint.Kind switch
        {
            EndpointSourceKind.DockerHost =>
                "Start the daemon there, or point DOCKER_HOST at one that runs (unset it to use the default socket).",
            EndpointSourceKind.Context =>
                "Start the daemon of that context, or switch with `docker context use <name>` (or DOCKER_CONTEXT).",
            EndpointSourceKind.DockerExecutable =>
                "Start the daemon of that context, or configure a docker path whose context reaches one that runs.",
            _ => "Start the Docker daemon (e.g. `sudo systemctl start docker` or `sudo dockerd`), or set DOCKER_HOST.",
        };
        return new StageGateException(Codes.DaemonNotAnswering.Create(
            $"The Docker daemon at {Endpoint} is not answering: {reason.TrimEnd('.')}. {advice}"), inner);
    }

    private string Describe(HttpRequestException e)
    {
        var socketPath = EngineTransport.SocketPath(Endpoint);
        var chain = Chain(e).ToList();
        // The transport's own error first: a daemon killed or restarted mid-request resets the connection under the TLS
        // stream too, and that is not the daemon refusing a certificate.
        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused when socketPath is not null => $"nothing is listening on {socketPath}",
                SocketError.ConnectionRefused => $"the connection to {Endpoint.Host.Authority} was refused",
                SocketError.AccessDenied when socketPath is not null =>
                    $"permission denied on {socketPath} (add the user to the 'docker' group, or run as a user who may use it)",
                SocketError.HostNotFound or SocketError.NoData => $"the host '{Endpoint.Host.Host}' is unknown",
                SocketError.TimedOut => "the connection timed out",
                SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                    $"it dropped the connection mid-request ({socket.Message}); the daemon stopped or restarted",
                _ when socketPath is not null && !File.Exists(socketPath) => $"the socket {socketPath} does not exist",
                _ => socket.Message,
            };
        }
        if (chain.OfType<System.Security.Authentication.AuthenticationException>().FirstOrDefault() is { } tls)
        {
            return $"the TLS handshake failed ({tls.Message})";
        }
        // With TLS 1.3 a daemon refuses a client certificate after the handshake, as an alert on the first read: an
        // IOException wrapping the TLS library's error. A bare end of stream is the daemon going away, not an alert.
        if (Endpoint.Tls is { } settings && IsTlsAlert(chain))
        {
            var alert = Innermost(e).Message;
            return settings.CertFile is null
                ? $"it closed the TLS connection ({alert}); a daemon started with --tlsverify needs a client certificate, " +
                  "and none was found: put cert.pem and key.pem beside ca.pem in DOCKER_CERT_PATH (or the context's TLS files)"
                : $"it closed the TLS connection ({alert}); it does not accept the client certificate {settings.CertFile}";
        }
        if (e.HttpRequestError == HttpRequestError.ResponseEnded || chain.Any(inner => inner is IOException && inner.InnerException is null))
        {
            return $"it closed the connection before answering ({Innermost(e).Message.TrimEnd('.')}); the daemon stopped or restarted";
        }
        return socketPath is not null && !File.Exists(socketPath) ? $"the socket {socketPath} does not exist" : e.Message;
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }

    // The TLS library's error under the stream's IOException (OpenSSL's or SChannel's), or its alert by name.
    private static bool IsTlsAlert(IReadOnlyList<Exception> chain) =>
        chain.SkipWhile(inner => inner is not IOException).Skip(1).Any(inner => inner is not IOException and not SocketException)
        || Innermost(chain[0]).Message.Contains("alert", StringComparison.OrdinalIgnoreCase);

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static string Snippet(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 80 ? line : line[..80] + "…";
    }

    // Image references keep '/', ':' and '@' as the CLI sends them; the daemon routes on the raw path.
    private static string ImagePath(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return Uri.EscapeDataString(image).Replace("%2F", "/", StringComparison.Ordinal)
            .Replace("%3A", ":", StringComparison.Ordinal).Replace("%40", "@", StringComparison.Ordinal);
    }

    private static string PathOnly(string path) => path.Split('?', 2)[0];

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
