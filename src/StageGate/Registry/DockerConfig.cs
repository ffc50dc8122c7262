using System.Text;
using System.Text.Json;
using StageGate.Diagnostics;
using StageGate.Files;
using StageGate.Processes;

namespace StageGate.Registry;

/// <summary>
/// The registry credentials of the docker CLI's config file (<c>$DOCKER_CONFIG/config.json</c>, else
/// <c>~/.docker/config.json</c>), looked up as <c>docker login</c> stored them: a credential helper for the
/// registry (<c>credHelpers</c>), else the default store (<c>credsStore</c>), else the file's own <c>auths</c>.
/// No file, or nothing for the registry, means anonymous.
/// </summary>
internal sealed class DockerConfig
{
    // docker login stores Docker Hub under its legacy index address, not under docker.io.
    private const string DockerHubKey = "https://index.docker.io/v1/";

    /// <summary>A helper's JSON credential is a few hundred bytes; more is not a credential.</summary>
    private const int MaxHelperOutputChars = 64 * 1024;

    private readonly string _path;
    private readonly JsonElement? _root;

    private DockerConfig(string path, JsonElement? root)
    {
        _path = path;
        _root = root;
    }

    /// <summary>The config docker itself would read, with <paramref name="environment"/> giving DOCKER_CONFIG and HOME.</summary>
    public static DockerConfig Load(Func<string, string?> environment)
    {
        var folder = environment("DOCKER_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        var path = Path.Combine(folder, "config.json");
        if (!File.Exists(path))
        {
            return new DockerConfig(path, null);
        }
        var bytes = InputLimit.Configuration.Read(path, Codes.RegistryCredentialsUnreadable);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return new DockerConfig(path, document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null);
        }
        catch (JsonException e)
        {
            throw new StageGateException(Codes.RegistryCredentialsUnreadable.Create($"Docker config '{path}' is not valid JSON: {e.Message.Split(" LineNumber:")[0]}", path), e);
        }
    }

    /// <summary>The credential for <paramref name="domain"/> (as a reference names it), or null for anonymous access.</summary>
    /// <param name="domain">The registry as a reference names it.</param>
    /// <param name="helperTimeout">How long a credential helper may take to answer.</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    public async Task<RegistryCredential?> CredentialForAsync(string domain, TimeSpan helperTimeout, CancellationToken cancellationToken)
    {
        if (_root is not { } root)
        {
            return null;
        }
        var key = domain == RegistryReference.DockerHub ? DockerHubKey : domain;
        if (root.TryGetProperty("credHelpers", out var helpers) && helpers.ValueKind == JsonValueKind.Object
            && helpers.TryGetProperty(key, out var helper) && helper.GetString() is { Length: > 0 } helperName)
        {
            return await FromHelperAsync(helperName, key, helperTimeout, cancellationToken).ConfigureAwait(false);
        }
        if (String(root, "credsStore") is { Length: > 0 } store)
        {
            return await FromHelperAsync(store, key, helperTimeout, cancellationToken).ConfigureAwait(false);
        }
        return FromAuths(root, key);
    }

    private RegistryCredential? FromAuths(JsonElement root, string key)
    {
        if (!root.TryGetProperty("auths", out var auths) || auths.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var entry in auths.EnumerateObject())
        {
            // docker matches "https://host/v1/", "http://host" and "host" alike: the host is what counts.
            if (!string.Equals(Host(entry.Name), Host(key), StringComparison.OrdinalIgnoreCase) || entry.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var identityToken = String(entry.Value, "identitytoken");
            if (String(entry.Value, "auth") is { Length: > 0 } auth)
            {
                string decoded;
                try
                {
                    decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
                }
                catch (FormatException)
                {
                    throw Codes.RegistryCredentialsUnreadable.Exception($"Docker config '{_path}': auths.\"{entry.Name}\".auth is not base64; run `docker login {key}` again.", _path);
                }
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw Codes.RegistryCredentialsUnreadable.Exception($"Docker config '{_path}': auths.\"{entry.Name}\".auth is not user:password; run `docker login {key}` again.", _path);
                }
                return new RegistryCredential(decoded[..colon], decoded[(colon + 1)..], identityToken);
            }
            var username = String(entry.Value, "username");
            var password = String(entry.Value, "password");
            return username is null && password is null && identityToken is null ? null : new RegistryCredential(username, password, identityToken);
        }
        return null;
    }

    /// <summary>
    /// <c>docker-credential-NAME get</c> with the server address on its input, as the docker CLI runs it. A helper
    /// that has nothing for the registry means anonymous access, like docker.
    /// </summary>
    private async Task<RegistryCredential?> FromHelperAsync(string helper, string server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + helper;
        var output = new StringBuilder();
        var overflowed = false;
        var collect = OutputTarget.ToLines(line =>
        {
            if (output.Length + line.Length + 1 > MaxHelperOutputChars)
            {
                overflowed = true;
                return;
            }
            output.Append(line).Append('\n');
        });
        ProcessResult result;
        // A helper waiting on a locked keychain's prompt would hold the build forever: it gets the registry timeout,
        // and is killed at once when that passes.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var command = new ProcessCommand(program) { StandardInput = server }.WithArguments("get");
            result = await ProcessRunner.RunAsync(command, collect, null, deadline.Token, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StageGateException(Codes.RegistryCredentialsUnreadable.Create(
                $"{program} get did not answer for {server} within {timeout.TotalSeconds:0.#}s (a locked keychain waiting for a prompt?), so it was stopped. Unlock or fix the helper, or remove it from docker config '{_path}'.", _path), e);
        }
        catch (ProcessNotStartedException e)
        {
            throw new StageGateException(Codes.RegistryCredentialsUnreadable.Create(
                $"Docker config '{_path}' names the credential helper '{helper}', but {program} cannot be run: {e.Message} Install it, or remove it from the config.", _path), e);
        }
        if (overflowed)
        {
            throw Codes.RegistryCredentialsUnreadable.Exception($"{program} get answered for {server} with more than {MaxHelperOutputChars / 1024} KiB, which is no credential. Fix the helper, or remove it from the config.", _path);
        }
        var text = output.ToString();
        if (result.ExitCode != 0)
        {
            var said = string.Join(" ", result.StandardErrorTail.Concat(result.StandardOutputTail)).Trim();
            // The helpers' shared words for "nothing stored" (docker-credential-helpers' ErrCredentialsNotFound).
            if (said.Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            throw Codes.RegistryCredentialsUnreadable.Exception($"{program} get failed for {server} (exit code {result.ExitCode}): {said}", _path);
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var username = String(document.RootElement, "Username");
            var secret = String(document.RootElement, "Secret");
            // A helper returns an identity token as the secret of the user "<token>".
            return username == "<token>"
                ? new RegistryCredential(null, null, secret)
                : new RegistryCredential(username, secret, null);
        }
        catch (JsonException)
        {
            throw Codes.RegistryCredentialsUnreadable.Exception($"{program} get answered for {server} with something that is not its JSON credential.", _path);
        }
    }

    private static string Host(string key)
    {
        var host = key;
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (host.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                host = host[scheme.Length..];
            }
        }
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? host : host[..slash];
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
