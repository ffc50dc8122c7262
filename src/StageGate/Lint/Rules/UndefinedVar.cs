using StageGate.Dockerfiles;

namespace StageGate.Lint.Rules;

/// <summary>
/// BuildKit's UndefinedVar, without BuildKit's view of the base image's environment: StageGate reports a variable
/// only when it knows the variable is undefined — a stage built from scratch, a global ARG not declared again in the
/// stage, a name the stage declares only later, or a near-typo of a defined name — so an image's own ENV
/// (NODE_VERSION, JAVA_HOME) is never a false alarm.
/// </summary>
internal sealed class UndefinedVar : LintRule
{
    // Instructions whose words BuildKit expands; RUN, CMD and ENTRYPOINT are left to the shell.
    private static readonly string[] Expanded = ["ADD", "COPY", "ENV", "EXPOSE", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ARG"];

    // BuildKit gives every stage PATH, and the proxy arguments without a declaration.
    private static readonly string[] AlwaysDefined =
    [
        "PATH", "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
    ];

    public override string Name => "UndefinedVar";

    public override string Title => "Variables should be defined before their use";

    public override string Help => "The variable expands to nothing. Declare it with ARG or ENV earlier in the stage; a global ARG must be declared again (ARG NAME) inside each stage that uses it.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var stage in document.Stages)
        {
            var lineage = document.Lineage(stage).ToList();
            var fromScratch = !document.Root(stage).IsImageBased;
            var defined = new HashSet<string>(AlwaysDefined, StringComparer.Ordinal);
            // ENV of the stages this one builds on is inherited; their ARGs are not.
            foreach (var ancestor in lineage.Skip(1))
            {
                defined.UnionWith(ancestor.Body.Where(i => i.Keyword == "ENV").SelectMany(EnvNames));
            }
            for (var index = 0; index < stage.Body.Count; index++)
            {
                var instruction = stage.Body[index];
                if (Expanded.Contains(instruction.Keyword, StringComparer.Ordinal))
                {
                    var reported = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var variable in Words(instruction).SelectMany(w => VariableReferences.In(w, document.Escape)))
                    {
                        if (defined.Contains(variable) || !reported.Add(variable))
                        {
                            continue;
                        }
                        var suggestion = Suggestions.Nearest(variable, defined);
                        var certain = fromScratch || document.GlobalArgNames.Contains(variable) || suggestion is not null
                            || DeclaredAfter(stage, index, variable);
                        if (certain)
                        {
                            yield return Finding(
                                $"Usage of undefined variable '${variable}'" + (suggestion is null ? "" : $" (did you mean ${suggestion}?)"),
                                instruction);
                        }
                    }
                }
                if (instruction.Keyword == "ARG")
                {
                    defined.UnionWith(instruction.Arguments.Select(LintDocument.ArgName));
                }
                else if (instruction.Keyword == "ENV")
                {
                    defined.UnionWith(EnvNames(instruction));
                }
            }
        }
    }

    private static IEnumerable<string> Words(Instruction instruction) => instruction.Keyword switch
    {
        // Only the values are expanded; a name is a name.
        "ENV" or "LABEL" => instruction.Arguments.Where((_, i) => i % 2 == 1),
        "ARG" => instruction.Arguments.Where(a => a.Contains('=', StringComparison.Ordinal)).Select(a => a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..]),
        _ => instruction.Arguments,
    };

    /// <summary>
    /// Whether a later ARG or ENV of the stage declares <paramref name="variable"/>: then the name is the stage's own and
    /// used before it exists, whatever the base image sets (BuildKit's <c>COPY $foo .</c> then <c>ARG foo=bar</c>). The
    /// instruction itself does not count: <c>ENV X=$X:/more</c> extends what the image may well set.
    /// </summary>
    private static bool DeclaredAfter(LintStage stage, int index, string variable) =>
        stage.Body.Skip(index + 1).Any(i =>
            (i.Keyword == "ARG" && i.Arguments.Select(LintDocument.ArgName).Contains(variable, StringComparer.Ordinal))
            || (i.Keyword == "ENV" && EnvNames(i).Contains(variable, StringComparer.Ordinal)));

    private static IEnumerable<string> EnvNames(Instruction env) => env.Arguments.Where((_, i) => i % 2 == 0);
}
