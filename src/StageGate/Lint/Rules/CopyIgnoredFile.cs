namespace StageGate.Lint.Rules;

/// <summary>BuildKit's CopyIgnoredFile (experimental there, so off by default here too): COPY of a file .dockerignore excludes.</summary>
internal sealed class CopyIgnoredFile : LintRule
{
    public override string Name => "CopyIgnoredFile";

    public override LintLevel DefaultLevel => LintLevel.Off;

    public override string Title => "Attempting to Copy file that is excluded by .dockerignore";

    public override string Help => "The file is not sent to the builder, so the COPY fails or copies nothing. Remove it from .dockerignore (or re-include it with `!path`), or stop copying it. Off by default, as in BuildKit; enable it with `# check=experimental=CopyIgnoredFile` or the lint option.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        if (document.Context is not { } context || context.Ignore.Patterns.Count == 0)
        {
            yield break;
        }
        foreach (var instruction in document.Stages.SelectMany(s => s.Body).Where(i => i.Keyword is "COPY" or "ADD" && i.FlagValue("from") is null))
        {
            foreach (var source in instruction.Arguments.Take(instruction.Arguments.Count - 1))
            {
                if (source.StartsWith("<<", StringComparison.Ordinal) || source.Contains("://", StringComparison.Ordinal)
                    || source.IndexOfAny(['*', '?', '[', '$']) >= 0)
                {
                    continue;
                }
                var relative = source.Replace('\\', '/').TrimStart('/');
                if (relative.StartsWith("./", StringComparison.Ordinal))
                {
                    relative = relative[2..];
                }
                if (relative.Length > 0 && relative != "." && context.Ignore.IsExcluded(relative))
                {
                    var verb = instruction.Keyword == "COPY" ? "Copy" : "Add";
                    yield return Finding($"Attempting to {verb} file \"{source}\" that is excluded by .dockerignore", instruction);
                }
            }
        }
    }
}
