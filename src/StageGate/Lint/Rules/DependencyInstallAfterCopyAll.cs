using System.Text.RegularExpressions;
using StageGate.Diagnostics;

namespace StageGate.Lint.Rules;

/// <summary>SG5015: a dependency install after <c>COPY . .</c> in the same stage, with none before it.</summary>
internal sealed partial class DependencyInstallAfterCopyAll() : PitfallRule(Codes.DependencyInstallAfterCopyAll, "DependencyInstallAfterCopyAll")
{
    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        // Any stage: this is where builder stages lose their cache, so builders are the point.
        foreach (var stage in document.Stages)
        {
            int? copiedAll = null;
            foreach (var instruction in stage.Body)
            {
                if (FinalStageCopiesContext.CopiesWholeContext(instruction))
                {
                    copiedAll ??= instruction.StartLine;
                }
                else if (instruction.Keyword == "RUN" && DependencyInstall().Match(string.Join(' ', instruction.Arguments)) is { Success: true } install)
                {
                    if (copiedAll is int line)
                    {
                        yield return Finding(
                            $"'{install.Value.Trim()}' runs after the whole context is copied (line {line}), so any source change downloads every dependency again. Fix: COPY the dependency manifests and install before COPY . .",
                            instruction);
                    }
                    // One install before the copy means the layout is the cached one; later installs are project builds.
                    break;
                }
            }
        }
    }

    [GeneratedRegex(@"\b(?:npm\s+(?:ci|install|i)\b|yarn\s+install\b|yarn\s*(?:$|&&|;)|pnpm\s+(?:install|i)\b|pip3?\s+install\s+(?:\S+\s+)*(?:-r|--requirement)\b|poetry\s+install\b|pipenv\s+install\b|dotnet\s+restore\b|go\s+mod\s+download\b|bundle\s+install\b|composer\s+install\b|mvn\b.*dependency:(?:go-offline|resolve)|cargo\s+fetch\b)", RegexOptions.CultureInvariant)]
    private static partial Regex DependencyInstall();
}
