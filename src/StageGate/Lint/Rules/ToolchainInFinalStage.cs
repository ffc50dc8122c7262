using System.Text.RegularExpressions;
using StageGate.Diagnostics;
using StageGate.Dockerfiles;

namespace StageGate.Lint.Rules;

/// <summary>
/// SG5013: what belongs in a builder found in the stage that ships: an SDK image as its base, a RUN that installs a
/// compiler, a package manager's cache left in a layer. Only the final stage and the stages it builds on are looked at.
/// </summary>
internal sealed partial class ToolchainInFinalStage() : PitfallRule(Codes.ToolchainInFinalStage, "ToolchainInFinalStage")
{
    // Images that are toolchains by name; a JDK is one by tag (eclipse-temurin:21-jdk, not :21-jre).
    private static readonly string[] SdkImages = ["golang", "rust", "gcc", "maven", "gradle", "buildpack-deps"];
    private static readonly string[] JdkImages = ["openjdk", "eclipse-temurin", "amazoncorretto", "ibm-semeru-runtimes", "sapmachine"];

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        if (document.FinalStage is not { } final)
        {
            yield break;
        }
        var root = document.Root(final);
        if (root.IsImageBased && root.ExpandedBase is { } written && ImageReference.Parse(written) is { } image && IsSdk(image))
        {
            yield return Finding(
                $"The image that ships builds on the SDK image '{written}', with its compilers and package caches. Fix: build in an earlier stage and base the final stage on a runtime image, copying only the output.",
                root.From);
        }
        foreach (var run in document.Lineage(final).SelectMany(s => s.Body).Where(i => i.Keyword == "RUN"))
        {
            var command = string.Join(' ', run.Arguments);
            var problems = new List<string>();
            if (InstallCommand().IsMatch(command) && CompilerPackage().Match(command) is { Success: true } compiler)
            {
                problems.Add($"installs the compiler package '{compiler.Value}'");
            }
            var cached = run.FlagValues("mount").Any(m => m.Contains("type=cache", StringComparison.Ordinal));
            if (!cached)
            {
                if (AptInstall().IsMatch(command) && !command.Contains("/var/lib/apt/lists", StringComparison.Ordinal))
                {
                    problems.Add("leaves apt's package lists in the layer (add && rm -rf /var/lib/apt/lists/*)");
                }
                if (ApkAdd().IsMatch(command) && !command.Contains("--no-cache", StringComparison.Ordinal) && !command.Contains("/var/cache/apk", StringComparison.Ordinal))
                {
                    problems.Add("leaves apk's cache in the layer (use apk add --no-cache)");
                }
                if (PipInstall().IsMatch(command) && !command.Contains("--no-cache-dir", StringComparison.Ordinal) && !PipCacheOff(document, final))
                {
                    problems.Add("leaves pip's cache in the layer (use pip install --no-cache-dir)");
                }
            }
            if (problems.Count > 0)
            {
                yield return Finding($"RUN at line {run.StartLine} in the image that ships {string.Join(" and ", problems)}. Fix: do it in a builder stage, or clean up in the same RUN.", run);
            }
        }
    }

    private static bool IsSdk(ImageReference image)
    {
        var name = image.Name;
        if (name.EndsWith("dotnet/sdk", StringComparison.Ordinal) || name.EndsWith("dotnet/core/sdk", StringComparison.Ordinal))
        {
            return true;
        }
        if (SdkImages.Contains(image.ShortName, StringComparer.Ordinal))
        {
            return true;
        }
        return JdkImages.Contains(image.ShortName, StringComparer.Ordinal) && image.Tag is { } tag && tag.Contains("jdk", StringComparison.Ordinal);
    }

    private static bool PipCacheOff(LintDocument document, LintStage final) =>
        document.Lineage(final).SelectMany(s => s.Body).Any(i => i.Keyword == "ENV" && i.Arguments.Contains("PIP_NO_CACHE_DIR", StringComparer.Ordinal));

    [GeneratedRegex(@"\b(?:apt-get|apt|apk|dnf|yum|microdnf|zypper)\s+(?:-\S+\s+)*(?:install|add)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InstallCommand();

    [GeneratedRegex(@"(?<![\w.+-])(?:build-essential|build-base|gcc|g\+\+|clang|cmake|make|golang|golang-go|rustc|cargo|default-jdk|openjdk\d*-jdk|openjdk-\d+-jdk(?:-headless)?|dotnet-sdk-[\d.]+)(?![\w.+-])", RegexOptions.CultureInvariant)]
    private static partial Regex CompilerPackage();

    [GeneratedRegex(@"\bapt(?:-get)?\s+(?:-\S+\s+)*install\b", RegexOptions.CultureInvariant)]
    private static partial Regex AptInstall();

    [GeneratedRegex(@"\bapk\s+(?:-\S+\s+)*add\b", RegexOptions.CultureInvariant)]
    private static partial Regex ApkAdd();

    [GeneratedRegex(@"\bpip3?\s+install\b", RegexOptions.CultureInvariant)]
    private static partial Regex PipInstall();
}
