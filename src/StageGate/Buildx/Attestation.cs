namespace StageGate.Buildx;

/// <summary>
/// One attestation as buildx's <c>--attest</c> takes it (<c>type=provenance,mode=max</c>), read for its type and
/// whether it is switched off (<c>disabled=true</c>), which is what a builder's support depends on.
/// </summary>
internal sealed record Attestation(string Type, bool Disabled)
{
    /// <summary>The <c>--attest</c> form of buildx's <c>--provenance</c> and <c>--sbom</c> shorthands, as buildx writes it.</summary>
    public static string Shorthand(string type, string value) => ParseGoBool(value) switch
    {
        true => $"type={type}",
        false => $"type={type},disabled=true",
        null => $"type={type},{value}",
    };

    /// <summary>An <c>--attest</c> value; a value without <c>type=</c> has the type <c>""</c>, which buildx rejects itself.</summary>
    public static Attestation Parse(string spec)
    {
        var type = "";
        var disabled = false;
        foreach (var field in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var (key, value) = field.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0 ? (field[..eq], field[(eq + 1)..]) : (field, "");
            if (key.Equals("type", StringComparison.OrdinalIgnoreCase))
            {
                type = value;
            }
            else if (key.Equals("disabled", StringComparison.OrdinalIgnoreCase))
            {
                disabled = ParseGoBool(value) ?? false;
            }
        }
        return new Attestation(type, disabled);
    }

    // buildx reads these values with Go's strconv.ParseBool, so these are the spellings it treats as on or off.
    private static bool? ParseGoBool(string value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => null,
    };
}
