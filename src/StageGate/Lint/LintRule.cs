using StageGate.Diagnostics;

namespace StageGate.Lint;

/// <summary>
/// One lint check. A rule that BuildKit also has is named as BuildKit names it, so a user recognises it;
/// StageGate's own multi-stage pitfalls carry an SG5xxx code from <see cref="Codes"/> as their id.
/// </summary>
internal abstract class LintRule
{
    /// <summary>What diagnostics, SARIF and configuration call the rule: BuildKit's name, or the SG5xxx code.</summary>
    public string Id => Code?.Code ?? Name;

    /// <summary>A readable PascalCase name; BuildKit's own for its checks. Configuration accepts it as well as the id.</summary>
    public abstract string Name { get; }

    /// <summary>The catalogued code of a StageGate pitfall; null for a BuildKit check.</summary>
    public virtual DiagnosticCode? Code => null;

    /// <summary>The level <c>stagegate lint</c> reports at when nothing configures the rule.</summary>
    public virtual LintLevel DefaultLevel => LintLevel.Warning;

    /// <summary>One line: what the rule looks for.</summary>
    public abstract string Title { get; }

    /// <summary>Why it matters and how to fix it, for the docs and SARIF's help text.</summary>
    public abstract string Help { get; }

    /// <summary>
    /// Whether check, MSBuild and Cake report the rule at its default level even when unconfigured, rather than as info:
    /// only for a rule whose finding means the build will fail (SG5001's mistyped stage name).
    /// </summary>
    public virtual bool KeepsLevelInGates => false;

    /// <summary>True for the checks BuildKit runs too (<c>docker buildx build --check</c>).</summary>
    public bool IsBuildKitCheck => Code is null;

    /// <summary>The heading anchor of the rule in docs/lint.md.</summary>
    public string DocsAnchor => Id.ToLowerInvariant();

    /// <summary>The findings in <paramref name="document"/>, in no particular order.</summary>
    public abstract IEnumerable<LintFinding> Check(LintDocument document);

    /// <summary>A finding of this rule covering the lines of <paramref name="at"/>.</summary>
    protected LintFinding Finding(string message, Dockerfiles.Instruction at) => new(this, message, at.StartLine, at.EndLine);

    /// <summary>A finding of this rule on one line.</summary>
    protected LintFinding Finding(string message, int line) => new(this, message, line, line);
}
