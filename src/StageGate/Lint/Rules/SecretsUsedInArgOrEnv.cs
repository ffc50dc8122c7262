using System.Text.RegularExpressions;

namespace StageGate.Lint.Rules;

/// <summary>
/// BuildKit's SecretsUsedInArgOrEnv, with fewer false positives: BuildKit matches a name with a word such as KEY or
/// TOKEN; StageGate also leaves alone names that say they hold no secret, but where to find one or what kind it is
/// (GPG_KEY, TOKEN_URL, SECRET_FILE, API_KEY_ID).
/// </summary>
internal sealed partial class SecretsUsedInArgOrEnv : LintRule
{
    // Words that describe a secret rather than hold one: a path, an address, an id, a public key's fingerprint.
    private static readonly HashSet<string> Harmless = new(StringComparer.OrdinalIgnoreCase)
    {
        "public", "file", "path", "dir", "url", "uri", "id", "name", "type", "length", "size", "ttl", "timeout",
        "header", "endpoint", "env", "version", "host", "server", "region", "prefix", "fingerprint", "gpg", "pgp",
    };

    public override string Name => "SecretsUsedInArgOrEnv";

    public override string Title => "Sensitive data should not be used in the ARG or ENV commands";

    public override string Help => "ARG and ENV values are kept in the image's history and metadata. Pass secrets with `RUN --mount=type=secret` (StageGate's `--secret`) instead.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        var instructions = document.GlobalArgs.Concat(document.Stages.SelectMany(s => s.Body)).Where(i => i.Keyword is "ARG" or "ENV");
        foreach (var instruction in instructions)
        {
            var names = instruction.Keyword == "ARG"
                ? instruction.Arguments.Select(LintDocument.ArgName)
                : instruction.Arguments.Where((_, i) => i % 2 == 0);
            foreach (var name in names.Where(IsSecretName))
            {
                yield return Finding($"Do not use ARG or ENV instructions for sensitive data ({instruction.Keyword} \"{name}\")", instruction);
            }
        }
    }

    internal static bool IsSecretName(string name)
    {
        if (!SecretWord().IsMatch(name))
        {
            return false;
        }
        return !name.Split('_', '-').Any(Harmless.Contains);
    }

    // BuildKit's words, matched as whole '_'-separated parts of the name.
    [GeneratedRegex(@"(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretWord();
}
