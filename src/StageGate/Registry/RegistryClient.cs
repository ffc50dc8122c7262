using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text.Json;
using StageGate.Diagnostics;
using StageGate.Processes;

namespace StageGate.Registry;

/// <summary>
/// A small Registry HTTP API v2 client for one registry: reads manifests, answering the registry's
/// <c>WWW-Authenticate</c> challenge (Basic, or a Bearer token from its token service) with the docker config's
/// credentials, or anonymously. Every answer is read up to a cap, every request has a timeout, and every failure
/// is a coded error that says what to do.
/// </summary>
internal sealed class RegistryClient : IDisposable
{
    /// <summary>containerd refuses manifests over 4 MiB; a real one is a few KiB.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    private const int MaxTokenBytes = 1024 * 1024;

    /// <summary>An error answer (a 404's body, a token service's refusal) is read this far: its first words are all a message shows.</summary>
    private const int MaxErrorBytes = 16 * 1024;

    /// <summary>How much of a registry's own error words a message quotes.</summary>
    private const int MaxErrorChars = 200;

    /// <summary>A token service may move within its own origin, a few times at most.</summary>
    private const int MaxTokenRedirects = 3;

    /// <summary>What StageGate can read, as docker's own Accept header lists it.</summary>
    public static readonly IReadOnlyList<string> ManifestMediaTypes =
    [
        MediaTypes.OciIndex, MediaTypes.DockerManifestList, MediaTypes.OciManifest, MediaTypes.DockerManifest,
    ];

    private readonly HttpClient _http;
    private readonly string _host;
    private readonly RegistrySettings _settings;
    private readonly RegistryCredential? _credential;
    private string _scheme = "https";
    private bool _schemeSettled;
    private AuthenticationHeaderValue? _authorization;

    public RegistryClient(string host, RegistrySettings settings, RegistryCredential? credential)
    {
        _host = host;
        _settings = settings;
        _credential = credential;
        var handler = new SocketsHttpHandler
        {
            SslOptions = RegistryTls.OptionsFor(host, settings),
            ConnectTimeout = settings.Timeout,
            UseProxy = true,
            AllowAutoRedirect = true,
        };
        // The timeout is per request (with the caller's token), not the client's; HttpClient's own would throw unlike them.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("StageGate", "1"));
    }

    /// <summary>A client for <paramref name="reference"/>'s registry, with the docker config's credentials for it.</summary>
    public static async Task<RegistryClient> OpenAsync(RegistryReference reference, RegistrySettings settings, CancellationToken cancellationToken)
    {
        var credential = await DockerConfig.Load(settings.Environment).CredentialForAsync(reference.Domain, settings.Timeout, cancellationToken).ConfigureAwait(false);
        return new RegistryClient(reference.ApiHost, settings, credential);
    }

    /// <summary>
    /// The manifest or index <paramref name="reference"/> (a tag or a digest) of <paramref name="repository"/>.
    /// Read by digest, its bytes must hash to that digest.
    /// </summary>
    public async Task<ManifestResponse> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        var byDigest = reference.Contains(':', StringComparison.Ordinal);
        var what = $"{_host}/{repository}{(byDigest ? "@" : ":")}{reference}";
        if (byDigest && !ContentDigest.IsValid(reference))
        {
            throw Codes.ManifestMalformed.Exception($"The manifest {what} cannot be measured: '{reference}' is not a digest (sha256: and 64, or sha512: and 128, lower case hex digits).");
        }
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"{_scheme}://{_host}/v2/{repository}/manifests/{reference}");
                foreach (var type in ManifestMediaTypes)
                {
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
                }
                return request;
            },
            repository, what, cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw Codes.ManifestNotFound.Exception(
                $"Registry {_host} has no manifest {what}{RegistryError(await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false))}. Check the tag and that the push reached this registry.");
        }
        RequireSuccess(response, what);
        var body = await ReadAsync(response, MaxManifestBytes, what, cancellationToken).ConfigureAwait(false);
        var digest = ContentDigest.Of(body, byDigest ? reference : null);
        if (byDigest && !string.Equals(reference, digest, StringComparison.Ordinal))
        {
            throw Codes.ManifestMalformed.Exception($"Registry {_host} answered {what} with content whose digest is {digest}: the registry or a proxy changed it. Check the registry.");
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return new ManifestResponse(mediaType, body, digest);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Sends a request, settling the scheme on the first (an insecure registry may speak plain HTTP) and answering
    /// one authentication challenge; a second 401 is a denial.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string repository, string what, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(create, what, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        var challenge = AuthChallenge.Parse(response.Headers.WwwAuthenticate.ToString());
        response.Dispose();
        _authorization = await AuthorizeAsync(challenge, repository, what, cancellationToken).ConfigureAwait(false);
        response = await SendOnceAsync(create, what, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            response.Dispose();
            throw Denied(what, _credential is null ? "anonymous access was refused" : "the registry refused the credentials it was given");
        }
        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> create, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await SendWithTimeoutAsync(create, what, cancellationToken).ConfigureAwait(false);
        }
        catch (StageGateException) when (!_schemeSettled && _settings.IsInsecure(_host))
        {
            // docker tries an insecure registry over HTTPS first, then over plain HTTP.
            _scheme = "http";
            _schemeSettled = true;
            return await SendWithTimeoutAsync(create, what, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendWithTimeoutAsync(Func<HttpRequestMessage> create, string what, CancellationToken cancellationToken)
    {
        HttpRequestMessage request;
        try
        {
            request = create();
        }
        catch (UriFormatException e)
        {
            throw new StageGateException(Codes.ManifestMalformed.Create($"The manifest {what} cannot be measured: it makes no valid request address ({e.Message})."), e);
        }
        using var _ = request;
        request.Headers.Authorization = _authorization;
        var response = await SendRawAsync(_http, request, _host, what, cancellationToken).ConfigureAwait(false);
        _schemeSettled = true;
        return response;
    }

    /// <summary>One request with the timeout, its transport failures turned into SG2017 or SG2021.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpClient client, HttpRequestMessage request, string host, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StageGateException(Codes.RegistryUnreachable.Create(
                $"Registry {host} did not answer within {_settings.Timeout.TotalSeconds:0}s while reading {what}. Check that it runs and that this machine reaches it (proxy, firewall)."), e);
        }
        catch (HttpRequestException e) when (Find<AuthenticationException>(e) is { } tls)
        {
            throw new StageGateException(Codes.RegistryTlsFailed.Create(
                $"TLS with registry {host} failed while reading {what}: {Sentence(tls.Message)} {Remedy(host)}"), e);
        }
        catch (HttpRequestException e)
        {
            throw new StageGateException(Codes.RegistryUnreachable.Create(
                $"Registry {host} cannot be reached at {request.RequestUri?.GetLeftPart(UriPartial.Authority)} while reading {what}: {Sentence(Innermost(e).Message)} Check the registry's address in the tag and that it runs."), e);
        }
    }

    private string Remedy(string host) => _settings.IsInsecure(host)
        ? "The registry is listed as insecure, so its certificate was not checked; check that it speaks TLS or plain HTTP on this port."
        : $"Put the CA that signed its certificate in {Path.Combine(_settings.CertsDirectory, host, "ca.crt")} (as docker does), or, for a test registry only, list it with the insecure registry option (--insecure-registry, StageGateInsecureRegistries).";

    /// <summary>The Authorization header that answers <paramref name="challenge"/>.</summary>
    private async Task<AuthenticationHeaderValue> AuthorizeAsync(AuthChallenge? challenge, string repository, string what, CancellationToken cancellationToken)
    {
        if (challenge is { IsBasic: true })
        {
            return _credential?.BasicValue is { } basic
                ? new AuthenticationHeaderValue("Basic", basic)
                : throw Denied(what, "it asks for a user name and password, and the docker config has none for it");
        }
        var realmUri = TokenRealm(challenge, what);
        var scope = $"repository:{repository}:pull";
        var service = challenge!.Parameter("service");
        Func<Uri, HttpRequestMessage> create;
        if (_credential?.IdentityToken is { Length: > 0 } identityToken)
        {
            // An identity token (docker login to ACR and others) is a refresh token for the OAuth2 form post.
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = identityToken,
                ["client_id"] = "stagegate",
                ["scope"] = scope,
            };
            if (service is not null)
            {
                form["service"] = service;
            }
            create = uri => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(form) };
        }
        else
        {
            var query = $"scope={Uri.EscapeDataString(scope)}{(service is null ? "" : "&service=" + Uri.EscapeDataString(service))}";
            var builder = new UriBuilder(realmUri) { Query = string.IsNullOrEmpty(realmUri.Query) ? query : realmUri.Query.TrimStart('?') + "&" + query };
            realmUri = builder.Uri;
            create = uri =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (_credential?.BasicValue is { } basic)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                }
                return request;
            };
        }

        var handler = new SocketsHttpHandler
        {
            SslOptions = RegistryTls.TokenOptionsFor(_host, realmUri.Authority, _settings),
            ConnectTimeout = _settings.Timeout,
            UseProxy = true,
            AllowAutoRedirect = false,
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("StageGate", "1"));
        using var response = await SendTokenRequestAsync(client, create, realmUri, what, cancellationToken).ConfigureAwait(false);
        var body = await ReadAsync(response, response.IsSuccessStatusCode ? MaxTokenBytes : MaxErrorBytes, what, cancellationToken, truncate: !response.IsSuccessStatusCode).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Denied(what, $"its token service {realmUri.GetLeftPart(UriPartial.Path)} refused {(_credential is null ? "anonymous access" : "the credentials")}{RegistryError(body)}");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw Codes.RegistryUnreachable.Exception($"The token service {realmUri.GetLeftPart(UriPartial.Path)} of registry {_host} answered {(int)response.StatusCode} {response.ReasonPhrase} while reading {what}.");
        }
        return new AuthenticationHeaderValue("Bearer", Token(body, realmUri, what));
    }

    /// <summary>
    /// The token service a Bearer challenge names. It gets the credentials, so it must speak HTTPS unless the registry
    /// itself is one the user let StageGate read without verified TLS.
    /// </summary>
    internal Uri TokenRealm(AuthChallenge? challenge, string what)
    {
        if (challenge is not { IsBearer: true } || challenge.Parameter("realm") is not { } realm
            || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri) || realmUri.Scheme is not ("https" or "http"))
        {
            throw Denied(what, $"it asks for authentication StageGate cannot answer ({(challenge is null ? "no WWW-Authenticate challenge" : challenge.Scheme)})");
        }
        if (realmUri.Scheme == "http" && !_settings.IsInsecure(_host))
        {
            throw Codes.RegistryTlsFailed.Exception(
                $"Registry {_host} sends StageGate to the token service {realmUri.GetLeftPart(UriPartial.Path)} over plain HTTP while reading {what}, which would send the credentials unencrypted; it was not asked. Configure the registry's token realm as https, or, for a test registry only, list the registry with the insecure registry option (--insecure-registry, StageGateInsecureRegistries).");
        }
        return realmUri;
    }

    /// <summary>
    /// The token request, on a client of its own: the token service's certificate is always checked (never with the
    /// registry's insecure exemption or its client certificate), and a redirect is followed only within its own origin,
    /// so the credentials go to no other server.
    /// </summary>
    private async Task<HttpResponseMessage> SendTokenRequestAsync(HttpClient client, Func<Uri, HttpRequestMessage> create, Uri realm, string what, CancellationToken cancellationToken)
    {
        var uri = realm;
        for (var redirects = 0; ; redirects++)
        {
            using var request = create(uri);
            var response = await SendRawAsync(client, request, realm.Authority, what, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is < 300 or > 399 || response.Headers.Location is not { } location)
            {
                return response;
            }
            response.Dispose();
            var target = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (redirects >= MaxTokenRedirects || Uri.Compare(target, realm, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw Denied(what, $"its token service {realm.GetLeftPart(UriPartial.Path)} redirected to {target.GetLeftPart(UriPartial.Authority)}, and StageGate sends credentials to no other server than the one the registry named");
            }
            uri = target;
        }
    }

    private static string Token(byte[] body, Uri realm, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            // The distribution token spec names it "token"; OAuth2 servers say "access_token"; either will do.
            foreach (var name in new[] { "token", "access_token" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var token)
                    && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } value)
                {
                    return value;
                }
            }
        }
        catch (JsonException)
        {
        }
        throw Codes.RegistryAuthDenied.Exception($"The token service {realm.GetLeftPart(UriPartial.Path)} answered without a token (no \"token\" or \"access_token\") while reading {what}. Check the registry's token service.");
    }

    private StageGateException Denied(string what, string why)
    {
        var login = _credential is null ? $"Run `docker login {_host}` (or give the CI job the registry's credentials)" : $"Check the credentials the docker config holds for {_host} (`docker login {_host}` again), and that they may pull";
        return Codes.RegistryAuthDenied.Exception($"Registry {_host} denied reading {what}: {why}. {login}.");
    }

    private void RequireSuccess(HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw Denied(what, "the registry answered 403 Forbidden");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw Codes.RegistryUnreachable.Exception($"Registry {_host} answered {(int)response.StatusCode} {response.ReasonPhrase} while reading {what}. Check the registry's health and run again.");
        }
    }

    /// <summary>An error answer's first bytes, enough for the registry's own words.</summary>
    private Task<byte[]> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ReadAsync(response, MaxErrorBytes, "an error answer", cancellationToken, truncate: true);

    /// <summary>
    /// The body, up to <paramref name="limit"/> bytes; a larger one is SG2020, never read whole, or, with
    /// <paramref name="truncate"/>, its first <paramref name="limit"/> bytes.
    /// </summary>
    private async Task<byte[]> ReadAsync(HttpResponseMessage response, int limit, string what, CancellationToken cancellationToken, bool truncate = false)
    {
        if (!truncate && response.Content.Headers.ContentLength is > 0 and var length && length > limit)
        {
            throw TooLarge(what, limit);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    if (!truncate)
                    {
                        throw TooLarge(what, limit);
                    }
                    buffer.Write(chunk, 0, (int)(limit - buffer.Length));
                    break;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StageGateException(Codes.RegistryUnreachable.Create($"Registry {_host} stopped sending {what} for {_settings.Timeout.TotalSeconds:0}s. Check the registry and the network, and run again."), e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new StageGateException(Codes.RegistryUnreachable.Create($"Registry {_host} broke off sending {what}: {Sentence(Innermost(e).Message)} Run again once the registry is stable."), e);
        }
    }

    private StageGateException TooLarge(string what, int limit) =>
        Codes.ManifestMalformed.Exception($"Registry {_host} answered {what} with more than {limit / 1024 / 1024} MiB, far more than any manifest; check that the reference names an image.");

    /// <summary>
    /// The registry's own error words (<c>{"errors":[{"code":"MANIFEST_UNKNOWN","message":…}]}</c>), when it sent any:
    /// one line of them, with the credentials masked should a server echo them.
    /// </summary>
    private string RegistryError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0 && errors[0].ValueKind == JsonValueKind.Object)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                // Masked before it is cut, so no part of a credential survives the cut.
                var words = Mask(string.Join(": ", new[] { code, message }.OfType<string>())).ReplaceLineEndings(" ");
                words = words.Length <= MaxErrorChars ? words : words[..MaxErrorChars] + "…";
                return $" ({words})";
            }
        }
        catch (JsonException)
        {
        }
        return "";
    }

    /// <summary>The text with every credential value the docker config gave for this registry hidden.</summary>
    private string Mask(string text) =>
        _credential is null ? text : new Redactor(_credential.Secrets).Redact(text);

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }

    private static string Sentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    private static Exception Innermost(Exception e)
    {
        var current = e;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }
        return current;
    }
}
