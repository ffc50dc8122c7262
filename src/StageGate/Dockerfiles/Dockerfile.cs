using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using StageGate.Diagnostics;
using StageGate.Files;

namespace StageGate.Dockerfiles;

/// <summary>
/// A Dockerfile parsed the way BuildKit parses it, and the graph of its stages: which stages a target
/// needs, which stages nothing reaches, and which instruction a build step runs.
/// </summary>
public sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<Stage> stages, IReadOnlyList<Instruction> globalArgs, ParserDirectives directives)
    {
        Path = path;
        Stages = stages;
        GlobalArgs = globalArgs;
        Directives = directives;
    }

    /// <summary>The path as given; the full path when loaded from disk.</summary>
    public string Path { get; }

    /// <summary>The stages in the order of their FROM lines.</summary>
    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The stage <c>docker build</c> builds without <c>--target</c>: the last one.</summary>
    public Stage DefaultTarget => Stages[^1];

    /// <summary>The ARG instructions before the first FROM, whose values FROM lines can use.</summary>
    internal IReadOnlyList<Instruction> GlobalArgs { get; }

    /// <summary>The <c># syntax=</c>, <c># escape=</c> and <c># check=</c> directives.</summary>
    internal ParserDirectives Directives { get; }

    /// <summary>Reads and parses a Dockerfile; build arguments take precedence over ARG defaults.</summary>
    /// <exception cref="StageGateException">SG1001 when the file is missing, SG1002 when it is not readable text, SG1003–SG1009 when it is not a valid Dockerfile.</exception>
    public static Dockerfile Load(string path, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath;
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StageGateException(Codes.DockerfileNotFound.Create($"Dockerfile path '{path}' is not a valid path: {ex.Message}"), ex);
        }
        if (Directory.Exists(fullPath))
        {
            throw Codes.DockerfileUnreadable.Exception($"Dockerfile '{fullPath}' is a folder, not a file.", fullPath);
        }
        if (!File.Exists(fullPath))
        {
            throw Codes.DockerfileNotFound.Exception($"Dockerfile '{fullPath}' does not exist.", fullPath);
        }

        var bytes = InputLimit.Dockerfile.Read(fullPath, Codes.DockerfileUnreadable);
        return Parse(Decode(bytes, fullPath), fullPath, buildArgs);
    }

    /// <summary>Parses Dockerfile text; <paramref name="path"/> is only used in diagnostics.</summary>
    /// <exception cref="StageGateException">SG1002–SG1009 when the text is not a valid Dockerfile.</exception>
    public static Dockerfile Parse(string text, string path = "Dockerfile", IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw Codes.DockerfileUnreadable.Exception(
                "The Dockerfile contains NUL characters; it looks like a binary file, not a text file.", path, LineAt(text, nul));
        }
        var parsed = DockerfileParser.Parse(text, path);
        var (stages, globalArgs) = StageBuilder.Build(parsed, path, buildArgs);
        return new Dockerfile(path, stages, globalArgs, parsed.Directives);
    }

    /// <summary>
    /// The stage a target names: its name (any case), or its index. Null or empty means the default,
    /// the last stage.
    /// </summary>
    /// <exception cref="StageGateException">SG1008 when no stage has that name, with the nearest name suggested.</exception>
    public Stage ResolveTarget(string? nameOrIndex)
    {
        if (string.IsNullOrWhiteSpace(nameOrIndex))
        {
            return DefaultTarget;
        }
        if (FindStage(nameOrIndex) is { } stage)
        {
            return stage;
        }

        var named = Stages.Where(s => s.Name is not null).Select(s => s.Name!).ToList();
        var message = new StringBuilder($"Stage '{nameOrIndex.Trim()}' not found. ");
        message.Append(named.Count > 0
            ? "Stages: " + string.Join(", ", named) + "."
            : "No stage has a name; name one with FROM … AS name.");
        if (Suggestions.Nearest(nameOrIndex.Trim(), named) is { } nearest)
        {
            message.Append(CultureInfo.InvariantCulture, $" Did you mean '{nearest}'?");
        }
        throw Codes.UnknownTarget.Exception(message.ToString(), Path);
    }

    /// <summary>
    /// The stage with this name (any case), this index, or this <c>stage-N</c> progress name of an
    /// unnamed stage; null when there is none.
    /// </summary>
    public Stage? FindStage(string nameOrIndex)
    {
        ArgumentNullException.ThrowIfNull(nameOrIndex);
        var key = nameOrIndex.Trim();
        if (key.Length > 0 && key.All(char.IsAsciiDigit))
        {
            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < Stages.Count
                ? Stages[index]
                : null;
        }
        var byName = Stages.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
        {
            return byName;
        }
        return Stages.FirstOrDefault(s => s.Name is null && string.Equals(s.DisplayName, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Every stage building <paramref name="target"/> builds: the target, the stages it builds on, and
    /// the stages it copies or mounts from, transitively, in index order.
    /// </summary>
    public IReadOnlyList<Stage> StagesNeededBy(Stage target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var needed = new bool[Stages.Count];
        var pending = new Stack<int>();
        pending.Push(Own(target).Index);
        while (pending.Count > 0)
        {
            var index = pending.Pop();
            if (needed[index])
            {
                continue;
            }
            needed[index] = true;
            var stage = Stages[index];
            if (stage.BaseStage is int baseStage)
            {
                pending.Push(baseStage);
            }
            foreach (var reference in stage.References.Where(r => r.Kind == StageReferenceKind.Stage))
            {
                pending.Push(reference.Stage!.Value);
            }
        }
        return Stages.Where(s => needed[s.Index]).ToList();
    }

    /// <summary>
    /// Whether building <paramref name="target"/> sends the build context: BuildKit loads it (and reads
    /// .dockerignore) only when a stage the target needs copies or mounts from it.
    /// </summary>
    internal bool SendsBuildContext(Stage target) => StagesNeededBy(target).Any(s => s.ReadsBuildContext);

    /// <summary>The stages building <paramref name="target"/> skips, in index order.</summary>
    public IReadOnlyList<Stage> StagesNotReachedBy(Stage target)
    {
        var needed = StagesNeededBy(target).Select(s => s.Index).ToHashSet();
        return Stages.Where(s => !needed.Contains(s.Index)).ToList();
    }

    /// <summary>
    /// The instruction behind BuildKit's progress step <c>[&lt;stage&gt; n/m]</c> of a stage, or null
    /// when the stage has no step <paramref name="stepNumber"/>. BuildKit numbers a FROM of an image
    /// (not of scratch or an earlier stage) as step 1, then each RUN, COPY, ADD and WORKDIR; ONBUILD
    /// triggers of the stage it builds on come first and map to their ONBUILD line. A Dockerfile with a
    /// single stage shows no stage name in its steps (<c>[1/2]</c>).
    /// </summary>
    public Instruction? InstructionForStep(Stage stage, int stepNumber)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var steps = Steps(Own(stage));
        return stepNumber >= 1 && stepNumber <= steps.Count ? steps[stepNumber - 1] : null;
    }

    /// <summary>
    /// The stage a progress line's stage part names: a stage name, <c>stage-N</c>, or nothing at all
    /// when the Dockerfile has a single stage.
    /// </summary>
    internal Stage? FindStageForProgress(string? progressName) =>
        string.IsNullOrEmpty(progressName) ? (Stages.Count == 1 ? Stages[0] : null) : FindStage(progressName);

    /// <summary>The instructions that get a progress step number, in BuildKit's order.</summary>
    internal IReadOnlyList<Instruction> Steps(Stage stage)
    {
        var steps = new List<Instruction>();
        if (stage.BaseKind == StageBaseKind.Image)
        {
            steps.Add(stage.Instructions[0]);
        }
        if (stage.BaseStage is int baseStage)
        {
            // BuildKit runs the base stage's ONBUILD triggers first, as steps of this stage.
            steps.AddRange(Stages[baseStage].Instructions.Where(i => i.Trigger is { } trigger && HasStep(trigger)));
        }
        steps.AddRange(stage.Instructions.Skip(1).Where(HasStep));
        return steps;
    }

    private static bool HasStep(Instruction instruction) => instruction.Keyword switch
    {
        "RUN" or "COPY" or "ADD" => true,
        // WORKDIR / changes nothing on disk, so BuildKit shows no step for it.
        "WORKDIR" => !IsRoot(instruction.Arguments.FirstOrDefault() ?? ""),
        _ => false,
    };

    private static bool IsRoot(string directory) =>
        directory.StartsWith('/') && directory.Split('/').All(part => part is "" or ".");

    private Stage Own(Stage stage)
    {
        if (stage.Index < 0 || stage.Index >= Stages.Count || !Equals(Stages[stage.Index], stage))
        {
            throw new ArgumentException($"Stage '{stage.DisplayName}' is not a stage of {Path}.", nameof(stage));
        }
        return Stages[stage.Index];
    }

    private static string Decode(byte[] bytes, string path)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            throw Codes.DockerfileUnreadable.Exception(
                $"Dockerfile '{path}' is UTF-16 encoded; BuildKit reads Dockerfiles as UTF-8. Save it as UTF-8.", path, 1);
        }
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw Codes.DockerfileUnreadable.Exception(
                $"Dockerfile '{path}' contains NUL bytes; it looks like a binary file, not a text file.", path, LineAt(bytes, nul));
        }
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw Codes.DockerfileUnreadable.Exception(
                $"Dockerfile '{path}' is not valid UTF-8 text (invalid byte at offset {read}).", path, LineAt(bytes, read));
        }
        return new string(chars, 0, written);
    }

    private static int LineAt(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;

    private static int LineAt(byte[] bytes, int offset) => bytes.AsSpan(0, offset).Count((byte)'\n') + 1;
}
