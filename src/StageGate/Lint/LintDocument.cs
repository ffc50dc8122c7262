using StageGate.Diagnostics;
using StageGate.Dockerfiles;

namespace StageGate.Lint;

/// <summary>
/// A Dockerfile as the lint rules see it: its lines, its parser directives, its global ARGs and its stages as
/// written, the stage that ships, and (when known) the build context.
/// </summary>
internal sealed class LintDocument
{
    /// <summary>The automatic platform arguments BuildKit gives every FROM without a declaration.</summary>
    internal static readonly IReadOnlySet<string> PlatformArgs = new HashSet<string>(StringComparer.Ordinal)
    {
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
    };

    private LintDocument(
        string path, IReadOnlyList<string> lines, ParserDirectives directives, IReadOnlyList<Instruction> globalArgs,
        IReadOnlyDictionary<string, string> globalDefaults, IReadOnlyList<LintStage> stages, LintStage? finalStage, LintContext? context)
    {
        Path = path;
        Lines = lines;
        Escape = directives.Escape;
        Check = CheckDirective.Parse(directives.Check);
        GlobalArgs = globalArgs;
        GlobalArgNames = globalArgs.SelectMany(a => a.Arguments).Select(ArgName).ToHashSet(StringComparer.Ordinal);
        GlobalDefaults = globalDefaults;
        Stages = stages;
        FinalStage = finalStage;
        Context = context;
        _model = new Lazy<Dockerfile?>(() => ParseModel(string.Join('\n', lines), path));
    }

    private readonly Lazy<Dockerfile?> _model;

    /// <summary>The stage model, for rules that need resolved references; null when the Dockerfile would not build.</summary>
    public Dockerfile? Model => _model.Value;

    private static Dockerfile? ParseModel(string text, string path)
    {
        try
        {
            return Dockerfile.Parse(text, path);
        }
        catch (StageGateException)
        {
            return null;
        }
    }

    public string Path { get; }

    /// <summary>The file's lines, without line ends.</summary>
    public IReadOnlyList<string> Lines { get; }

    public char Escape { get; }

    /// <summary>The <c># check=</c> directive.</summary>
    public CheckDirective Check { get; }

    /// <summary>The ARG instructions before the first FROM.</summary>
    public IReadOnlyList<Instruction> GlobalArgs { get; }

    public IReadOnlySet<string> GlobalArgNames { get; }

    /// <summary>What FROM lines expand with when no build argument is given: ARG defaults and the platform arguments.</summary>
    public IReadOnlyDictionary<string, string> GlobalDefaults { get; }

    public IReadOnlyList<LintStage> Stages { get; }

    /// <summary>
    /// The stage that ships: the final target, or the last stage unless that is a test stage. Null when the last stage
    /// is a test stage and no final target is named: the rules about what ships then have nothing to judge.
    /// </summary>
    public LintStage? FinalStage { get; }

    /// <summary>The build context; null when linting the Dockerfile alone.</summary>
    public LintContext? Context { get; }

    /// <summary>Reads and lints-parses a Dockerfile.</summary>
    /// <exception cref="StageGateException">SG1001–SG1004 when the file is missing, unreadable or not a Dockerfile.</exception>
    public static LintDocument Load(string path, string? finalTarget = null, LintContext? context = null, IReadOnlyList<string>? testTargets = null)
    {
        if (!File.Exists(path))
        {
            throw Codes.DockerfileNotFound.Exception($"Dockerfile '{path}' does not exist.", path);
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.DockerfileUnreadable.Create($"Dockerfile '{path}' cannot be read: {e.Message}", path), e);
        }
        return Parse(text, path, finalTarget, context, testTargets);
    }

    /// <summary>Parses Dockerfile text for the lint rules; the stage graph need not be valid.</summary>
    /// <exception cref="StageGateException">SG1003 without a FROM, SG1004 on a syntax error.</exception>
    public static LintDocument Parse(
        string text, string path = "Dockerfile", string? finalTarget = null, LintContext? context = null, IReadOnlyList<string>? testTargets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = DockerfileParser.Parse(text, path);
        var globalArgs = new List<Instruction>();
        var groups = new List<List<Instruction>>();
        foreach (var instruction in parsed.Instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                groups.Add([instruction]);
            }
            else if (groups.Count > 0)
            {
                groups[^1].Add(instruction);
            }
            else if (instruction.Keyword == "ARG")
            {
                globalArgs.Add(instruction);
            }
        }
        if (groups.Count == 0)
        {
            throw Codes.DockerfileHasNoStages.Exception("The Dockerfile has no FROM: there is no stage to lint.", path);
        }

        var escape = parsed.Directives.Escape;
        var defaults = BuildArguments.Global(globalArgs, escape, null, path);
        var lex = new ShellLex(escape);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var stages = new List<LintStage>(groups.Count);
        foreach (var group in groups)
        {
            var from = group[0];
            var expanded = from.Arguments.Count > 0 ? lex.Process(from.Arguments[0], defaults) : null;
            var baseName = expanded is { Failed: false } ? expanded.Result : null;
            int? baseStage = baseName is not null && names.TryGetValue(baseName, out var earlier) ? earlier : null;
            var stage = new LintStage(stages.Count, from, group.Skip(1).ToList(), baseStage, baseName);
            // The first stage of a name wins, as in BuildKit's lookup.
            if (stage.Name is { } name)
            {
                names.TryAdd(name, stage.Index);
            }
            stages.Add(stage);
        }

        // Without a final target, a Dockerfile that ends with its test stage (Docker's own Node sample) names no stage that ships.
        var tests = testTargets is { Count: > 0 } ? testTargets : ["test"];
        var final = string.IsNullOrWhiteSpace(finalTarget)
            ? (tests.Contains(stages[^1].Name, StringComparer.OrdinalIgnoreCase) ? null : stages[^1])
            : FindStage(stages, finalTarget) ?? stages[^1];
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return new LintDocument(path, lines, parsed.Directives, globalArgs, defaults, stages, final, context);
    }

    /// <summary>The stage and the earlier stages it builds on, nearest first: what its image inherits.</summary>
    public IEnumerable<LintStage> Lineage(LintStage stage)
    {
        var seen = new HashSet<int>();
        for (LintStage? current = stage; current is not null && seen.Add(current.Index); current = current.BaseStage is int b ? Stages[b] : null)
        {
            yield return current;
        }
    }

    /// <summary>The stage at the root of <paramref name="stage"/>'s lineage: the one whose FROM names an image or scratch.</summary>
    public LintStage Root(LintStage stage) => Lineage(stage).Last();

    /// <summary>Whether <paramref name="stage"/> is the one that ships.</summary>
    public bool IsFinal(LintStage stage) => stage.Index == FinalStage?.Index;

    /// <summary>The 1-based column just past the end of a line, for a region that covers it whole.</summary>
    public int EndColumn(int line) => line >= 1 && line <= Lines.Count ? Lines[line - 1].Length + 1 : 1;

    /// <summary>The name part of an ARG word (<c>NAME</c> or <c>NAME=default</c>).</summary>
    internal static string ArgName(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? word : word[..equals];
    }

    private static LintStage? FindStage(List<LintStage> stages, string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }
        var key = target.Trim();
        if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return index < stages.Count ? stages[index] : null;
        }
        return stages.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase));
    }
}
