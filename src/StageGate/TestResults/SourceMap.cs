using System.IO.Enumeration;
using System.Text.RegularExpressions;
using StageGate.Dockerfiles;

namespace StageGate.TestResults;

/// <summary>
/// Maps a path inside a test stage back to the file in the build context it was copied from, through the stage's
/// (and its base stages') <c>WORKDIR</c>, <c>COPY</c> and <c>ADD</c> instructions, so a failing test is reported at
/// the repository file and line its stack trace names. A mapping counts only when the file exists in the context.
/// </summary>
internal sealed partial class SourceMap
{
    private readonly string context;
    private readonly List<Copy> copies = [];
    private readonly string workdir;

    private SourceMap(string context, string workdir)
    {
        this.context = context;
        this.workdir = workdir;
    }

    /// <summary>One context-to-container copy: its sources (relative to the context) and its destination, made absolute.</summary>
    private sealed record Copy(IReadOnlyList<string> Sources, string Destination);

    /// <summary>The map of <paramref name="stage"/>: every copy from the context, in build order, and the last WORKDIR.</summary>
    public static SourceMap For(Dockerfile dockerfile, Stage stage, string contextDirectory)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        ArgumentNullException.ThrowIfNull(stage);
        var chain = new List<Stage>();
        for (Stage? s = stage; s is not null && chain.Count <= dockerfile.Stages.Count; s = s.BaseStage is int b ? dockerfile.Stages[b] : null)
        {
            chain.Insert(0, s);
        }

        var copies = new List<Copy>();
        var workdir = "/";
        foreach (var instruction in chain.SelectMany(s => s.Instructions))
        {
            // A variable would need the stage's ARG and ENV values; such an instruction is left out rather than guessed.
            if (instruction.Arguments.Any(a => a.Contains('$', StringComparison.Ordinal)))
            {
                continue;
            }
            if (instruction.Keyword == "WORKDIR" && instruction.Arguments.Count > 0)
            {
                workdir = Absolute(workdir, instruction.Arguments[0]);
            }
            else if (instruction.Keyword is "COPY" or "ADD" && instruction.Arguments.Count >= 2
                && instruction.FlagValue("from") is null && instruction.Heredocs.Count == 0)
            {
                var sources = instruction.Arguments.Take(instruction.Arguments.Count - 1)
                    .Where(s => !s.Contains("://", StringComparison.Ordinal)).ToList();
                var destination = instruction.Arguments[^1];
                var absolute = Absolute(workdir, destination);
                // "COPY a.cs b.cs dir/" and "COPY a.cs dir/" copy into a folder; "COPY a.cs b.cs" renames.
                var intoFolder = destination.EndsWith('/') || instruction.Arguments.Count > 2;
                copies.Add(new Copy(sources, intoFolder ? absolute.TrimEnd('/') + "/" : absolute));
            }
        }
        var map = new SourceMap(Path.GetFullPath(contextDirectory), workdir);
        map.copies.AddRange(copies);
        return map;
    }

    /// <summary>
    /// The first place in <paramref name="test"/>'s failure that maps into the context: its own file attribute, then
    /// each path with a line in its stack trace or message (.NET's <c>in /src/a.cs:line 17</c>, Python's
    /// <c>File "/src/a.py", line 17</c>, Go's, Node's and pytest's <c>a.go:17</c>). Relative paths are taken
    /// from the stage's last WORKDIR, where the tests ran.
    /// </summary>
    public (string File, int Line)? Locate(TestCaseResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var candidates = new List<(string Path, int Line)>();
        if (test.Reported is { } reported)
        {
            candidates.Add(reported);
        }
        foreach (var text in new[] { test.StackTrace, test.Message })
        {
            if (text is null)
            {
                continue;
            }
            // A stack trace names its test's frame near the top; a runaway output is not scanned whole.
            foreach (Match match in Location().Matches(text.Length > 65536 ? text[..65536] : text))
            {
                if (int.TryParse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture, out var line) && line > 0)
                {
                    candidates.Add((match.Groups["path"].Value, line));
                }
            }
        }
        foreach (var (path, line) in candidates)
        {
            if (Map(path) is { } file)
            {
                return (file, line);
            }
        }
        return null;
    }

    /// <summary>The context file copied to <paramref name="containerPath"/>, or null when no copy put it there.</summary>
    public string? Map(string containerPath)
    {
        ArgumentNullException.ThrowIfNull(containerPath);
        var path = Absolute(workdir, containerPath);
        // Later copies overwrite earlier ones, so the last copy that covers the path is where the file came from.
        foreach (var copy in Enumerable.Reverse(copies))
        {
            foreach (var source in copy.Sources)
            {
                if (FromCopy(copy, source, path) is { } file)
                {
                    return file;
                }
            }
        }
        return null;
    }

    private string? FromCopy(Copy copy, string source, string path)
    {
        var sourcePath = Inside(source);
        if (sourcePath is null)
        {
            return null;
        }
        var folder = copy.Destination.TrimEnd('/');
        var isGlob = source.IndexOfAny(['*', '?', '[']) >= 0;
        if (isGlob)
        {
            // "COPY *.cs ./" puts each match into the folder under its own name.
            var relative = Below(folder, path);
            var pattern = Path.GetFileName(source.TrimEnd('/'));
            var first = relative?.Split('/')[0];
            return first is not null && FileSystemName.MatchesSimpleExpression(pattern, first)
                ? Existing(Path.Combine(Path.GetDirectoryName(sourcePath)!, relative!))
                : null;
        }
        if (Directory.Exists(sourcePath))
        {
            // A folder's contents go into the destination, not the folder itself.
            return Below(folder, path) is { } relative ? Existing(Path.Combine(sourcePath, relative)) : null;
        }
        var target = copy.Destination.EndsWith('/') ? folder + "/" + Path.GetFileName(sourcePath) : copy.Destination;
        return string.Equals(target, path, StringComparison.Ordinal) ? Existing(sourcePath) : null;
    }

    /// <summary>The source as a full path in the context; null when it climbs out of it.</summary>
    private string? Inside(string source)
    {
        var full = Path.GetFullPath(Path.Combine(context, source.TrimStart('/')));
        return full == context || full.StartsWith(context.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private string? Existing(string path) => File.Exists(path) && Inside(Path.GetRelativePath(context, path)) is not null ? Path.GetFullPath(path) : null;

    private static string? Below(string folder, string path)
    {
        if (folder.Length == 0)
        {
            return path.TrimStart('/');
        }
        return path.StartsWith(folder + "/", StringComparison.Ordinal) ? path[(folder.Length + 1)..] : null;
    }

    /// <summary>A container path made absolute against <paramref name="workdir"/>, with <c>.</c> and <c>..</c> resolved.</summary>
    internal static string Absolute(string workdir, string path)
    {
        var combined = path.StartsWith('/') ? path : workdir.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts) + (path.EndsWith('/') && parts.Count > 0 ? "/" : "");
    }

    [GeneratedRegex(@"File ""(?<path>[^""]+)"", line (?<line>\d+)|(?<path>[^\s'""()<>:\[\]]+\.[A-Za-z0-9]+)(?::line |:)(?<line>\d+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Location();
}
