namespace StageGate.Registry;

/// <summary>
/// What the docker config holds for one registry: a user name and password (or token), or an identity token that
/// a Bearer token service exchanges for an access token.
/// </summary>
internal sealed record RegistryCredential(string? Username, string? Password, string? IdentityToken)
{
    /// <summary>The value of a Basic <c>Authorization</c> header; null without a user name and password.</summary>
    public string? BasicValue => Username is { Length: > 0 } && Password is not null
        ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}"))
        : null;

    /// <summary>The values to hide wherever text about a request is shown.</summary>
    public IEnumerable<string> Secrets => new[] { Password, IdentityToken, BasicValue }.OfType<string>().Where(s => s.Length > 0);
}
