using StageGate.Diagnostics;

namespace StageGate.Lint.Rules;

/// <summary>A StageGate pitfall: its title and help are its catalogued code's, written once in <see cref="Codes"/>.</summary>
internal abstract class PitfallRule(DiagnosticCode code, string name) : LintRule
{
    public override string Name => name;

    public override DiagnosticCode Code => code;

    public override string Title => code.Title;

    public override string Help => code.Explanation is null ? code.Remedy : code.Explanation + " " + code.Remedy;
}
