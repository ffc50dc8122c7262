namespace StageGate.Gates;

/// <summary>A build secret, as <c>--secret id=…,env=…</c> or <c>--secret id=…,src=…</c>.</summary>
public sealed record BuildSecret(string Id, string? Environment = null, string? File = null)
{
    /// <summary>
    /// Parses buildx's form, <c>id=NAME,env=VARIABLE</c> or <c>id=NAME,src=PATH</c> (<c>source</c> too);
    /// <c>id=NAME</c> alone reads the environment variable NAME, as buildx does.
    /// </summary>
    public static BuildSecret Parse(string spec)
    {
        string? id = null, env = null, file = null;
        foreach (var part in (spec ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            switch (key.ToLowerInvariant())
            {
                case "id": id = value; break;
                case "env": env = value; break;
                case "src" or "source": file = value; break;
                case "type" when value is "env" or "file": break;
                default:
                    throw StageGate.Diagnostics.Codes.InvalidOption.Exception(
                        $"Secret '{spec}' has an unknown part '{part}'; write it as id=NAME,env=VARIABLE or id=NAME,src=PATH.");
            }
        }
        if (string.IsNullOrEmpty(id) || (env is not null && file is not null))
        {
            throw StageGate.Diagnostics.Codes.InvalidOption.Exception(
                $"Secret '{spec}' needs an id and at most one source; write it as id=NAME,env=VARIABLE or id=NAME,src=PATH (id=NAME alone reads the variable NAME).");
        }
        return new BuildSecret(id, env, file);
    }
}
