using StageGate.Lint;

namespace StageGate.Tests.Lint;

/// <summary>Runs the linter on Dockerfile text, as <c>stagegate lint</c> would with no configuration.</summary>
internal static class Lints
{
    /// <summary>The findings of one rule, as (line, message), the leading newline of a raw string dropped.</summary>
    public static List<(int Line, string Message)> Of(string rule, string dockerfile, string? finalTarget = null, LintContext? context = null)
    {
        var document = LintDocument.Parse(dockerfile.TrimStart('\n', '\r'), "Dockerfile", finalTarget, context);
        var settings = new LintSettings { Only = new HashSet<string> { LintCatalogue.Find(rule)!.Id } };
        return Linter.Run(document, settings).Select(r => (r.Finding.StartLine, r.Finding.Message)).ToList();
    }

    /// <summary>The lines one rule reports.</summary>
    public static List<int> Lines(string rule, string dockerfile, string? finalTarget = null, LintContext? context = null) =>
        Of(rule, dockerfile, finalTarget, context).Select(f => f.Line).ToList();
}
