using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StageGate.Diagnostics;

namespace StageGate.Engine;

/// <summary>
/// Where the Docker daemon is, resolved exactly as the docker CLI does: <c>DOCKER_HOST</c>, then
/// <c>DOCKER_CONTEXT</c>, then <c>currentContext</c> in the docker config, then the default endpoint.
/// </summary>
/// <param name="Host">The daemon address as docker writes it: <c>unix:///var/run/docker.sock</c>, <c>npipe:////./pipe/docker_engine</c>, <c>tcp://host:2376</c>, <c>ssh://user@host</c>.</param>
/// <param name="Kind">Where the address came from, for choosing advice.</param>
/// <param name="Source">Where the address came from, for messages: <c>DOCKER_HOST=…</c>, <c>context 'name' (…)</c> or <c>default</c>.</param>
/// <param name="CanSpeak">False for addresses only the docker CLI can reach (<c>ssh://</c>, <c>fd://</c>, a named pipe off Windows); use the CLI for those.</param>
internal sealed record DockerEndpoint(Uri Host, EndpointSourceKind Kind, string Source, bool CanSpeak)
{
    internal const string DefaultUnixHost = "unix:///var/run/docker.sock";
    internal const string DefaultPipeHost = "npipe:////./pipe/docker_engine";
    internal const string DefaultContextName = "default";

    /// <summary>TLS settings for a <c>tcp://</c> host; null means plain http.</summary>
    internal DockerTls? Tls { get; init; }

    /// <summary>Resolves the endpoint from this process's environment and docker config, like <c>docker</c> does.</summary>
    public static DockerEndpoint Resolve()
    {
        var configDir = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(configDir))
        {
            configDir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        }
        return Resolve(Environment.GetEnvironmentVariable, configDir, OperatingSystem.IsWindows());
    }

    /// <summary>The resolution itself, over an environment lookup, a docker config folder and the OS, so tests can drive it.</summary>
    internal static DockerEndpoint Resolve(Func<string, string?> env, string dockerConfigDir, bool isWindows)
    {
        // The CLI treats set-but-empty variables as unset.
        var dockerHost = NonEmpty(env("DOCKER_HOST"));
        if (dockerHost is not null)
        {
            return DefaultContext(env, dockerConfigDir, isWindows, dockerHost, EndpointSourceKind.DockerHost, $"DOCKER_HOST={dockerHost}");
        }

        var (contextName, origin) = NonEmpty(env("DOCKER_CONTEXT")) is { } fromEnv
            ? (fromEnv, "DOCKER_CONTEXT")
            : (CurrentContextFromConfig(dockerConfigDir), $"currentContext in {Path.Combine(dockerConfigDir, "config.json")}");

        return contextName is null || contextName == DefaultContextName
            ? DefaultContext(env, dockerConfigDir, isWindows, null, EndpointSourceKind.Default, "default")
            : NamedContext(contextName, origin, dockerConfigDir, isWindows);
    }

    public override string ToString() => $"{Host.OriginalString} ({Source})";

    private static DockerEndpoint DefaultContext(
        Func<string, string?> env, string dockerConfigDir, bool isWindows, string? dockerHost, EndpointSourceKind kind, string source)
    {
        // DOCKER_TLS_VERIFY turns on TLS with verification, DOCKER_TLS TLS alone; any non-empty value counts.
        var verify = NonEmpty(env("DOCKER_TLS_VERIFY")) is not null;
        var useTls = verify || NonEmpty(env("DOCKER_TLS")) is not null;
        string host;
        if (dockerHost is not null)
        {
            host = NormalizeHost(dockerHost, source);
        }
        else
        {
            host = useTls ? "tcp://localhost:2376" : isWindows ? DefaultPipeHost : DefaultUnixHost;
        }

        var certDir = NonEmpty(env("DOCKER_CERT_PATH")) ?? dockerConfigDir;
        var tls = useTls ? DockerTls.FromFolder(certDir, skipVerify: !verify, requireCa: verify) : null;
        return Create(host, kind, source, isWindows, tls);
    }

    private static DockerEndpoint NamedContext(string name, string origin, string dockerConfigDir, bool isWindows)
    {
        var id = ContextId(name);
        var metaFile = Path.Combine(dockerConfigDir, "contexts", "meta", id, "meta.json");
        var source = $"context '{name}' ({origin})";
        if (!File.Exists(metaFile))
        {
            throw Codes.DaemonNotAnswering.Exception(
                $"Docker context '{name}' (from {origin}) does not exist: {metaFile} was not found. " +
                "Run `docker context ls` to see the contexts, or `docker context use default`.");
        }

        JsonElement? docker;
        try
        {
            using var meta = JsonDocument.Parse(File.ReadAllBytes(metaFile));
            docker = Property(meta.RootElement, "Endpoints") is { ValueKind: JsonValueKind.Object } endpoints
                ? Property(endpoints, "docker")?.Clone()
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.DaemonNotAnswering.Create(
                $"Docker context '{name}' cannot be read from {metaFile}: {e.Message}", metaFile), e);
        }

        if (docker is not { ValueKind: JsonValueKind.Object } endpoint)
        {
            throw Codes.DaemonNotAnswering.Exception(
                $"Docker context '{name}' has no docker endpoint in {metaFile}. Run `docker context inspect {name}` to check it.", metaFile);
        }

        // `docker context create --docker tls…` stores the files beside the metadata, under tls/<id>/docker.
        var tlsDir = Path.Combine(dockerConfigDir, "contexts", "tls", id, "docker");
        return ContextEndpoint(endpoint, tlsDir, EndpointSourceKind.Context, source, isWindows);
    }

    /// <summary>
    /// The endpoint a docker executable reports for its current context, from the JSON that
    /// <c>context inspect --format '{{json .}}'</c> prints; null when the answer holds no docker endpoint.
    /// </summary>
    internal static DockerEndpoint? FromContextInspect(string json, string docker, bool isWindows)
    {
        try
        {
            using var answer = JsonDocument.Parse(json);
            var root = answer.RootElement;
            if (Property(root, "Endpoints") is not { } endpoints || Property(endpoints, "docker") is not { ValueKind: JsonValueKind.Object } endpoint)
            {
                return null;
            }
            var name = Property(root, "Name") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
            // The default context keeps its TLS material "<IN MEMORY>", taken from DOCKER_TLS* and the
            // executable's own config folder; only a stored context says where its files are.
            var tlsPath = Property(root, "Storage") is { } storage && Property(storage, "TLSPath") is { ValueKind: JsonValueKind.String } p
                && Path.IsPathFullyQualified(p.GetString() ?? "") ? Path.Combine(p.GetString()!, "docker") : null;
            return ContextEndpoint(endpoint, tlsPath, EndpointSourceKind.DockerExecutable, $"`{docker} context inspect` (context '{name}')", isWindows);
        }
        catch (Exception e) when (e is JsonException or StageGateException)
        {
            // An answer we cannot read leaves the daemon to the executable that knows it.
            return null;
        }
    }

    /// <summary>
    /// A context's docker endpoint: <c>Host</c> and <c>SkipTLSVerify</c>, with TLS files in <paramref name="tlsDir"/>.
    /// A null folder means the TLS settings are unknown, so a tcp host is left to the CLI.
    /// </summary>
    private static DockerEndpoint ContextEndpoint(JsonElement endpoint, string? tlsDir, EndpointSourceKind kind, string source, bool isWindows)
    {
        var rawHost = Property(endpoint, "Host") is { ValueKind: JsonValueKind.String } h ? NonEmpty(h.GetString()) : null;
        var skipVerify = Property(endpoint, "SkipTLSVerify") is { ValueKind: JsonValueKind.True };
        var host = rawHost is null ? (isWindows ? DefaultPipeHost : DefaultUnixHost) : NormalizeHost(rawHost, source);
        if (tlsDir is null)
        {
            var resolved = Create(host, kind, source, isWindows, null);
            return resolved with { CanSpeak = resolved.CanSpeak && resolved.Host.Scheme != "tcp" };
        }
        var tls = Directory.Exists(tlsDir) || skipVerify ? DockerTls.FromFolder(tlsDir, skipVerify, requireCa: false) : null;
        return Create(host, kind, source, isWindows, tls);
    }

    private static DockerEndpoint Create(string host, EndpointSourceKind kind, string source, bool isWindows, DockerTls? tls)
    {
        var scheme = host[..host.IndexOf("://", StringComparison.Ordinal)];
        var canSpeak = scheme switch
        {
            "unix" or "tcp" => true,
            "npipe" => isWindows,
            _ => false,
        };
        return Uri.TryCreate(host, UriKind.Absolute, out var uri)
            ? new DockerEndpoint(uri, kind, source, canSpeak) { Tls = scheme == "tcp" ? tls : null }
            : throw InvalidHost(host, source);
    }

    /// <summary>The docker CLI's host parsing: a bare path is a unix socket, a bare host:port is tcp, tcp gets port 2375.</summary>
    private static string NormalizeHost(string value, string source)
    {
        var host = value.Trim();
        var separator = host.IndexOf("://", StringComparison.Ordinal);
        string scheme, rest;
        if (separator < 0)
        {
            scheme = host.StartsWith('/') || host.StartsWith("./", StringComparison.Ordinal) ? "unix" : "tcp";
            rest = host;
        }
        else
        {
            scheme = host[..separator];
            rest = host[(separator + 3)..];
        }

        switch (scheme)
        {
            case "unix":
                return "unix://" + (rest.Length == 0 ? "/var/run/docker.sock" : rest);
            case "npipe":
                return "npipe://" + (rest.Length == 0 ? "//./pipe/docker_engine" : rest);
            case "ssh" or "fd":
                return host;
            case "tcp" when !rest.Contains("://", StringComparison.Ordinal):
                return NormalizeTcp(rest, value, source);
            default:
                throw InvalidHost(value, source);
        }
    }

    private static string NormalizeTcp(string rest, string value, string source)
    {
        if (rest.Length == 0)
        {
            return "tcp://localhost:2375";
        }
        if (!Uri.TryCreate("tcp://" + rest, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            throw InvalidHost(value, source);
        }
        var hostName = uri.Host.Length == 0 ? "localhost" : uri.Host;
        var port = uri.IsDefaultPort ? 2375 : uri.Port;
        var path = uri.AbsolutePath == "/" ? "" : uri.AbsolutePath;
        return $"tcp://{hostName}:{port}{path}";
    }

    private static StageGateException InvalidHost(string value, string source) => Codes.DaemonNotAnswering.Exception(
        $"'{value}' ({source}) is not a Docker host address: use unix:///path, tcp://host:port, npipe:////./pipe/name or ssh://user@host.");

    private static string? CurrentContextFromConfig(string dockerConfigDir)
    {
        var configFile = Path.Combine(dockerConfigDir, "config.json");
        try
        {
            using var config = JsonDocument.Parse(File.ReadAllBytes(configFile));
            return Property(config.RootElement, "currentContext") is { ValueKind: JsonValueKind.String } current
                ? NonEmpty(current.GetString())
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // The CLI warns about an unreadable config.json and carries on with the default context; so do we.
            return null;
        }
    }

    /// <summary>The folder name the CLI's context store uses: the SHA-256 of the context name, in lower-case hex.</summary>
    internal static string ContextId(string name) =>
        string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(name)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    // Go's encoding/json matches keys case-insensitively, so hand-edited files may differ in case.
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
