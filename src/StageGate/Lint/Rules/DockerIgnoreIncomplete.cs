using System.Globalization;
using StageGate.Budgets;
using StageGate.Diagnostics;

namespace StageGate.Lint.Rules;

/// <summary>SG5016: a large context sent without an ignore file, or with one that lets .git, bin/, obj/ or node_modules through.</summary>
internal sealed class DockerIgnoreIncomplete() : PitfallRule(Codes.DockerIgnoreIncomplete, "DockerIgnoreIncomplete")
{
    internal const long LargeBytes = 10_000_000;
    internal const int LargeFileCount = 1_000;

    private static readonly string[] Expected = [".git", "bin", "obj", "node_modules"];

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        if (document.Context is not { } context)
        {
            yield break;
        }
        var listing = context.Listing;
        if (listing.Count <= LargeFileCount && listing.Bytes <= LargeBytes)
        {
            yield break;
        }
        var size = $"{listing.Count.ToString("N0", CultureInfo.InvariantCulture)} files, {ByteSizeFormat.Docker(listing.Bytes)}";
        if (context.Ignore.SourcePath is not { } ignoreFile)
        {
            var copy = document.Stages.SelectMany(s => s.Body).FirstOrDefault(i => i.Keyword is "COPY" or "ADD" && i.FlagValue("from") is null);
            yield return Finding(
                $"The build sends {size} and there is no .dockerignore. Fix: add one listing .git, **/bin, **/obj and **/node_modules.",
                copy?.StartLine ?? document.Stages[0].From.StartLine);
            yield break;
        }
        var sent = Expected
            .Where(folder => listing.Files.Any(f => f.Path.Split('/').SkipLast(1).Contains(folder, StringComparer.Ordinal)))
            .ToList();
        if (sent.Count > 0)
        {
            yield return Finding(
                $"The build sends {size}, and {Path.GetFileName(ignoreFile)} lets {string.Join(", ", sent)} through. Fix: add {string.Join(", ", sent.Select(f => f == ".git" ? ".git" : "**/" + f))} to it.",
                1) with { File = ignoreFile };
        }
    }
}
