using StageGate.Diagnostics;

namespace StageGate.Lint;

/// <summary>A finding at the level the settings gave its rule.</summary>
internal sealed record LintResult(LintFinding Finding, LintLevel Level, string DockerfilePath)
{
    public LintRule Rule => Finding.Rule;

    /// <summary>The file the finding points at.</summary>
    public string File => Finding.File ?? DockerfilePath;

    /// <summary>The finding as every front end shows diagnostics: the rule's id as its code.</summary>
    public Diagnostic ToDiagnostic() => new(
        Level switch
        {
            LintLevel.Error => DiagnosticSeverity.Error,
            LintLevel.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        },
        Rule.Id,
        Finding.Message,
        File,
        Finding.StartLine,
        Finding.Column);
}
