using System.Net;

namespace StageGate.Registry;

/// <summary>How StageGate reaches registries: which may be read without verified TLS, where docker keeps their certificates, how long to wait.</summary>
/// <param name="InsecureHosts">Registries (<c>host:port</c>) read over unverified TLS or plain HTTP, like the daemon's <c>insecure-registries</c>.</param>
/// <param name="CertsDirectory">docker's per-registry certificate folders: <c>&lt;dir&gt;/&lt;host:port&gt;/ca.crt</c>, <c>client.cert</c>, <c>client.key</c>.</param>
/// <param name="Timeout">How long one request may take before the registry counts as not answering.</param>
/// <param name="Environment">Where DOCKER_CONFIG and HOME are read, for the credentials.</param>
internal sealed record RegistrySettings(IReadOnlyList<string> InsecureHosts, string CertsDirectory, TimeSpan Timeout, Func<string, string?> Environment)
{
    /// <summary>The folder the docker daemon reads registry certificates from.</summary>
    public static string DefaultCertsDirectory => OperatingSystem.IsWindows()
        ? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.CommonApplicationData), "docker", "certs.d")
        : "/etc/docker/certs.d";

    /// <summary>A request that takes longer than this is a registry that does not answer.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How long measuring one image may take in all: its credentials, token, index and every platform's manifest.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether <paramref name="host"/> may be read without verified TLS: listed, or on the loopback network, which the
    /// docker daemon treats as insecure without being told (127.0.0.0/8 and ::1).
    /// </summary>
    public bool IsInsecure(string host)
    {
        if (InsecureHosts.Any(h => string.Equals(h.Trim(), host, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        var name = HostName(host);
        return name == "localhost" || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary><c>host</c> of <c>host:port</c> or <c>[::1]:port</c>.</summary>
    internal static string HostName(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? host[1..end] : host;
        }
        var colon = host.LastIndexOf(':');
        return colon > 0 && host.IndexOf(':', StringComparison.Ordinal) == colon ? host[..colon] : host;
    }
}
