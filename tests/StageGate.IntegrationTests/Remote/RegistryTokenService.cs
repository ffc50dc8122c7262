using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// The token endpoint of the distribution token spec, as GHCR, ACR and Docker Hub run in front of their
/// registries: <c>GET realm?service=…&amp;scope=…</c> (basic credentials optional; OAuth2 <c>POST</c> with
/// <c>grant_type=password</c> too) answers <c>{"token","access_token","expires_in","issued_at"}</c>, a JWT signed
/// RS256 by a key whose certificate is the registry's <c>auth.token.rootcertbundle</c> (sent in the <c>x5c</c>
/// header). The right credentials get every action they ask for; anyone else gets a token with no access,
/// which the registry then refuses, as a private repository does.
/// </summary>
internal sealed class RegistryTokenService : IAsyncDisposable
{
    /// <summary>The <c>service</c> the registry expects in tokens (their audience).</summary>
    public const string Service = "stagegate-test-registry";

    /// <summary>The issuer the registry expects in tokens.</summary>
    public const string Issuer = "stagegate-test-token-issuer";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly WebApplication _app;
    private readonly RSA _signingKey;
    private readonly X509Certificate2 _signingCertificate;
    private readonly string _username;
    private readonly string _password;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();

    private RegistryTokenService(WebApplication app, RSA signingKey, X509Certificate2 signingCertificate, string username, string password)
    {
        _app = app;
        _signingKey = signingKey;
        _signingCertificate = signingCertificate;
        _username = username;
        _password = password;
    }

    /// <summary>The realm URL the registry sends clients to in its <c>WWW-Authenticate</c> challenge.</summary>
    public Uri Realm { get; private set; } = null!;

    /// <summary>Every token request so far, oldest first.</summary>
    public IReadOnlyList<TokenRequest> Requests => [.. _requests];

    /// <summary>
    /// Starts the endpoint over HTTPS on <paramref name="address"/> (a free port) with <paramref name="certificate"/>,
    /// and writes the signing certificate to <paramref name="rootCertBundle"/> for the registry's config.
    /// </summary>
    public static async Task<RegistryTokenService> StartAsync(
        IPAddress address, X509Certificate2 certificate, string username, string password, string rootCertBundle, CancellationToken cancellationToken)
    {
        var signingKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=stagegate test token signer", signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        var signingCertificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        await File.WriteAllTextAsync(rootCertBundle, signingCertificate.ExportCertificatePem(), cancellationToken);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var service = new RegistryTokenService(app, signingKey, signingCertificate, username, password);
        app.Run(service.AnswerAsync);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)) is Microsoft.AspNetCore.Hosting.Server.IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.Single()
            : throw new InvalidOperationException("Kestrel did not report its address");
        service.Realm = new Uri(new Uri(bound.Replace("0.0.0.0", address.ToString(), StringComparison.Ordinal)), "/token");
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _signingCertificate.Dispose();
        _signingKey.Dispose();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (context.Request.Path != "/token")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        string? account;
        bool authenticated;
        List<string> scopes;
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            // OAuth2 password grant, as docker uses for `login` with an identity token store.
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            account = form["username"].FirstOrDefault();
            authenticated = form["grant_type"] == "password" && account == _username && form["password"] == _password;
            scopes = SplitScopes(form["scope"]);
            if (!authenticated)
            {
                await DenyAsync(context, account, scopes);
                return;
            }
        }
        else if (HttpMethods.IsGet(context.Request.Method))
        {
            scopes = SplitScopes(context.Request.Query["scope"]);
            account = context.Request.Query["account"].FirstOrDefault();
            var credentials = BasicCredentials(context.Request.Headers.Authorization.FirstOrDefault());
            if (credentials is { } given)
            {
                account = given.User;
                if (given.User != _username || given.Password != _password)
                {
                    await DenyAsync(context, account, scopes);
                    return;
                }
            }
            authenticated = credentials is not null;
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        _requests.Enqueue(new TokenRequest(authenticated ? account : null, scopes, authenticated));
        var token = Sign(authenticated ? account! : "", authenticated ? scopes : []);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token"] = token,
            ["access_token"] = token,
            ["expires_in"] = (int)Lifetime.TotalSeconds,
            ["issued_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }), context.RequestAborted);
    }

    private async Task DenyAsync(HttpContext context, string? account, List<string> scopes)
    {
        _requests.Enqueue(new TokenRequest(account, scopes, Granted: false));
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            """{"errors":[{"code":"UNAUTHORIZED","message":"incorrect username or password"}]}""", context.RequestAborted);
    }

    /// <summary>A JWT for <paramref name="subject"/> granting each scope's actions (<c>repository:name:pull,push</c>).</summary>
    private string Sign(string subject, List<string> scopes)
    {
        var header = new Dictionary<string, object>
        {
            ["typ"] = "JWT",
            ["alg"] = "RS256",
            ["x5c"] = new[] { Convert.ToBase64String(_signingCertificate.RawData) },
        };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var access = scopes.Select(scope => scope.Split(':')).Where(parts => parts.Length >= 3).Select(parts => new Dictionary<string, object>
        {
            ["type"] = parts[0],
            // Repository names may hold ':' only in a registry-host prefix; the actions are always last.
            ["name"] = string.Join(':', parts[1..^1]),
            ["actions"] = parts[^1].Split(',', StringSplitOptions.RemoveEmptyEntries),
        }).ToArray();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = subject,
            ["aud"] = Service,
            ["exp"] = now + (long)Lifetime.TotalSeconds,
            ["nbf"] = now - 10,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access,
        };
        var signed = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _signingKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    private static List<string> SplitScopes(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(value => (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static (string User, string Password)? BasicCredentials(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (decoded, "") : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return ("", "");
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
