namespace StageGate.Registry;

/// <summary>
/// A registry's <c>WWW-Authenticate</c> challenge: <c>Basic realm="…"</c>, or
/// <c>Bearer realm="https://auth…/token",service="…",scope="…"</c>, the token flow of GHCR, ACR and Docker Hub.
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBasic => string.Equals(Scheme, "Basic", StringComparison.OrdinalIgnoreCase);

    public bool IsBearer => string.Equals(Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);

    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);

    /// <summary>The challenge, or null when the header is no scheme StageGate can parse.</summary>
    public static AuthChallenge? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        var text = header.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? text : text[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = space < 0 ? text.Length : space + 1;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ','))
            {
                i++;
            }
            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }
            var name = text[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var builder = new System.Text.StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    // A quoted-string may escape any character with a backslash (RFC 9110).
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }
                    builder.Append(text[i]);
                    i++;
                }
                i++;
                value = builder.ToString();
            }
            else
            {
                var end = text.IndexOf(',', i);
                end = end < 0 ? text.Length : end;
                value = text[i..end].Trim();
                i = end;
            }
            if (name.Length > 0)
            {
                parameters[name] = value;
            }
        }
        return new AuthChallenge(scheme, parameters);
    }
}
