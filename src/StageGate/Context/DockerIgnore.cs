using StageGate.Diagnostics;

namespace StageGate.Context;

/// <summary>
/// A parsed <c>.dockerignore</c>, with the semantics of BuildKit's context transfer
/// (moby/patternmatcher as used by tonistiigi/fsutil): comments, <c>!</c> re-includes, last match wins,
/// <c>**</c>, and a pattern that matches a directory excludes everything under it.
/// </summary>
internal sealed class DockerIgnore
{
    private const string DefaultFileName = ".dockerignore";

    private DockerIgnore(IReadOnlyList<IgnorePattern> patterns, string? sourcePath, Diagnostic? malformedPattern)
    {
        Patterns = patterns;
        SourcePath = sourcePath;
        MalformedPattern = malformedPattern;
        HasExclusions = patterns.Any(p => p.IsExclusion);
    }

    /// <summary>No patterns: the whole context is sent.</summary>
    public static DockerIgnore Empty { get; } = new([], null, null);

    /// <summary>
    /// SG1010 at the first pattern BuildKit rejects, or null. BuildKit only fails on it when a build loads the
    /// context, so each caller decides whether it matters; the patterns that did compile are kept meanwhile.
    /// </summary>
    public Diagnostic? MalformedPattern { get; }

    /// <summary>The ignore file these patterns came from; null when none was used.</summary>
    public string? SourcePath { get; }

    internal IReadOnlyList<IgnorePattern> Patterns { get; }

    /// <summary>Whether any <c>!</c> pattern exists; without one an excluded directory is never walked.</summary>
    internal bool HasExclusions { get; }

    /// <summary>
    /// Parses ignore-file text like moby's <c>ignorefile.ReadAll</c> followed by <c>patternmatcher.New</c>.
    /// A malformed pattern does not throw: it becomes <see cref="MalformedPattern"/>, naming
    /// <paramref name="sourcePath"/> and the line.
    /// </summary>
    public static DockerIgnore Parse(string text, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = new List<IgnorePattern>();
        Diagnostic? malformed = null;
        var lineNumber = 0;
        foreach (var rawLine in SplitLines(text))
        {
            lineNumber++;
            var line = lineNumber == 1 ? rawLine.TrimStart('\uFEFF') : rawLine;
            var pattern = NormalizeLine(line);
            if (pattern is null)
            {
                continue;
            }

            var compiled = IgnorePattern.Compile(pattern, out var error);
            if (compiled is null)
            {
                malformed ??= Codes.InvalidIgnorePattern.Create(
                    $"Malformed pattern '{line.Trim()}' on line {lineNumber} of {sourcePath ?? DefaultFileName}: {error}. BuildKit refuses to send the build context while it is there.",
                    sourcePath, lineNumber);
                continue;
            }
            patterns.Add(compiled);
        }
        return new DockerIgnore(patterns, sourcePath, malformed);
    }

    /// <summary>This ignore file, for a caller that sends the context: SG1010 when a pattern is malformed, as BuildKit fails then.</summary>
    public DockerIgnore RequireWellFormed() =>
        MalformedPattern is { } problem ? throw new StageGateException(problem) : this;

    /// <summary>
    /// The ignore file a build of <paramref name="dockerfilePath"/> uses, as BuildKit picks it:
    /// <c>&lt;Dockerfile name&gt;.dockerignore</c> beside the Dockerfile, else <c>.dockerignore</c> at the
    /// root of the context, else none. Without a Dockerfile path, <c>&lt;context&gt;/Dockerfile</c> is assumed;
    /// a relative one is taken from the current folder, as the docker CLI does.
    /// </summary>
    public static DockerIgnore ForBuild(string contextDirectory, string? dockerfilePath)
    {
        ArgumentNullException.ThrowIfNull(contextDirectory);
        var context = Path.GetFullPath(contextDirectory);
        if (!Directory.Exists(context))
        {
            throw BuildContext.NotFound(context);
        }

        var dockerfile = Path.GetFullPath(dockerfilePath ?? Path.Combine(context, "Dockerfile"));
        var candidates = new[] { dockerfile + DefaultFileName, Path.Combine(context, DefaultFileName) };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return Parse(ReadIgnoreFile(candidate), candidate);
            }
        }
        return Empty;
    }

    /// <summary>
    /// Whether the context transfer leaves out this <c>/</c>-separated path, relative to the context.
    /// Ancestors are evaluated first and their matches carried down, as fsutil's walk does.
    /// </summary>
    public bool IsExcluded(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Trim('/');
        if (Patterns.Count == 0 || path.Length == 0 || path == ".")
        {
            return false;
        }

        var parentMatches = Array.Empty<bool>();
        var matches = new bool[Patterns.Count];
        var excluded = false;
        var end = -1;
        do
        {
            end = path.IndexOf('/', end + 1);
            var prefix = end < 0 ? path.AsSpan() : path.AsSpan(0, end);
            excluded = Evaluate(prefix, parentMatches, matches);
            (parentMatches, matches) = (matches, parentMatches.Length == 0 ? new bool[Patterns.Count] : parentMatches);
        }
        while (end >= 0);
        return excluded;
    }

    /// <summary>
    /// patternmatcher's <c>MatchesUsingParentResults</c>: a pattern the parent directory matched also
    /// matches the child; otherwise it is tried on the path itself unless it cannot change the outcome.
    /// Fills <paramref name="matches"/> (one flag per pattern) for the children of a directory.
    /// </summary>
    internal bool Evaluate(ReadOnlySpan<char> path, ReadOnlySpan<bool> parentMatches, Span<bool> matches)
    {
        var excluded = false;
        for (var i = 0; i < Patterns.Count; i++)
        {
            var pattern = Patterns[i];
            var match = parentMatches.Length != 0 && parentMatches[i];
            if (!match && pattern.IsExclusion == excluded)
            {
                match = pattern.Matches(path);
            }
            if (matches.Length != 0)
            {
                matches[i] = match;
            }
            if (match)
            {
                excluded = !pattern.IsExclusion;
            }
        }
        return excluded;
    }

    /// <summary>
    /// Whether an excluded directory must still be walked because a <c>!</c> pattern could re-include
    /// something inside it. fsutil only prunes when every <c>!</c> pattern is a plain path; this check
    /// is exact for globs too, so it prunes at least as often and never hides a file Docker sends.
    /// </summary>
    internal bool CouldReincludeInside(string directoryWithSlash)
    {
        if (!HasExclusions)
        {
            return false;
        }
        foreach (var pattern in Patterns)
        {
            if (pattern.IsExclusion && pattern.CouldMatchInside(directoryWithSlash))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// ReadAll's line rules: a '#' in the first column is a comment; whitespace is trimmed (also after
    /// '!'); the path is cleaned and one leading '/' dropped. Returns null for lines with no pattern.
    /// </summary>
    private static string? NormalizeLine(string line)
    {
        if (line.StartsWith('#'))
        {
            return null;
        }
        var pattern = line.Trim();
        if (pattern.Length == 0)
        {
            return null;
        }
        var invert = pattern[0] == '!';
        if (invert)
        {
            pattern = pattern[1..].Trim();
        }
        if (pattern.Length > 0)
        {
            pattern = IgnorePattern.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }
        }
        return invert ? "!" + pattern : pattern;
    }

    /// <summary>Lines as Go's bufio.ScanLines yields them: split on '\n', one trailing '\r' dropped.</summary>
    private static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            var line = text[start..(end < 0 ? text.Length : end)];
            yield return line.EndsWith('\r') ? line[..^1] : line;
            start = next;
        }
    }

    private static string ReadIgnoreFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(
                Codes.InvalidIgnorePattern.Create($"Cannot read {path}: {ex.Message}", path), ex);
        }
    }
}
