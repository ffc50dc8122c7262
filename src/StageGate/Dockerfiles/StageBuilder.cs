using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StageGate.Diagnostics;

namespace StageGate.Dockerfiles;

/// <summary>
/// Turns parsed instructions into stages the way BuildKit's dockerfile2llb does: global ARGs expanded
/// in FROM, bases resolved to earlier stages, <c>COPY --from</c> and <c>RUN --mount=from=</c> resolved
/// to stages or images, and the graph checked for cycles and forward references.
/// </summary>
internal static partial class StageBuilder
{
    public static (List<Stage> Stages, List<Instruction> GlobalArgs) Build(
        ParsedDockerfile parsed, string path, IReadOnlyDictionary<string, string>? buildArgs)
    {
        var globalArgs = new List<Instruction>();
        var groups = new List<List<Instruction>>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var instruction in parsed.Instructions)
        {
            if (InstructionRules.Check(instruction) is { } problem)
            {
                throw Codes.DockerfileSyntax.Exception(problem, path, instruction.StartLine);
            }
            if (instruction.Keyword == "FROM")
            {
                if (StageName(instruction, path) is { } name)
                {
                    if (names.TryGetValue(name, out var earlier))
                    {
                        throw Codes.DuplicateStageName.Exception(
                            $"Duplicate stage name '{name}': the stage at line {groups[earlier][0].StartLine} already has it.",
                            path, instruction.StartLine);
                    }
                    names[name] = groups.Count;
                }
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
            else
            {
                throw Codes.DockerfileSyntax.Exception(
                    $"{instruction.Keyword} at line {instruction.StartLine} comes before the first FROM; only ARG and parser directives may come before it.",
                    path, instruction.StartLine);
            }
        }

        if (groups.Count == 0)
        {
            var last = parsed.Instructions.LastOrDefault();
            var what = last is null ? "no instructions" : "only global ARGs";
            throw Codes.DockerfileHasNoStages.Exception($"The Dockerfile has {what} and no FROM: there is no stage to build.", path, last?.StartLine);
        }

        var escape = parsed.Directives.Escape;
        var values = BuildArguments.Global(globalArgs, escape, buildArgs, path);
        var lex = new ShellLex(escape);
        var stages = new List<Stage>(groups.Count);
        for (var index = 0; index < groups.Count; index++)
        {
            var instructions = groups[index];
            var from = instructions[0];
            var name = StageName(from, path);
            var (baseName, kind, baseStage) = ResolveBase(from, lex, values, names, groups, index, path);
            var references = instructions.Skip(1)
                .SelectMany(i => References(i, lex, names, groups.Count, path))
                .ToList();
            var triggers = baseStage is int b ? stages[b].Instructions.Select(i => i.Trigger).OfType<Instruction>() : [];
            stages.Add(new Stage(index, name, from.StartLine, baseName, kind, baseStage, references, instructions)
            {
                ReadsBuildContext = ReadsBuildContext(instructions.Skip(1).Concat(triggers), path),
            });
        }

        CheckCycles(stages, path);
        CheckForwardReferences(stages, path);
        return (stages, globalArgs);
    }

    /// <summary>The lower-cased <c>AS</c> name of a FROM line, checked against BuildKit's rule.</summary>
    private static string? StageName(Instruction from, string path)
    {
        if (from.Arguments.Count != 3)
        {
            return null;
        }
        var name = from.Arguments[2].ToLowerInvariant();
        if (!ValidStageName().IsMatch(name))
        {
            throw Codes.InvalidStageName.Exception(
                $"Invalid name for build stage: \"{from.Arguments[2]}\"; a name can't start with a number or contain symbols other than '-', '_' and '.'.",
                path, from.StartLine);
        }
        return name;
    }

    private static (string Base, StageBaseKind Kind, int? BaseStage) ResolveBase(
        Instruction from, ShellLex lex, Dictionary<string, string> values, Dictionary<string, int> names, List<List<Instruction>> groups, int index, string path)
    {
        var written = from.Arguments[0];
        var expanded = lex.Process(written, values);
        if (expanded.Failed)
        {
            throw Codes.DockerfileSyntax.Exception($"FROM {written}: {expanded.Error}", path, from.StartLine);
        }
        var baseName = expanded.Result;
        if (baseName.Length == 0)
        {
            throw Codes.DockerfileSyntax.Exception(
                $"FROM {written}: the base name expands to nothing; give the ARG a default or pass it as a build argument.",
                path, from.StartLine);
        }

        // BuildKit matches a FROM against the names of earlier stages exactly; a later stage's name is an image.
        if (names.TryGetValue(baseName, out var stage) && stage < index)
        {
            return (baseName, StageBaseKind.Stage, stage);
        }
        if (baseName == "scratch")
        {
            return (baseName, StageBaseKind.Scratch, null);
        }
        if (names.TryGetValue(baseName.ToLowerInvariant(), out var caseless) && caseless < index)
        {
            throw Codes.InvalidStageReference.Exception(
                $"FROM {baseName}: BuildKit matches stage names in FROM exactly, so this names an image, and image names must be lower-case. Write FROM {baseName.ToLowerInvariant()} to build on the stage at line {groups[caseless][0].StartLine}.",
                path, from.StartLine);
        }
        return (baseName, StageBaseKind.Image, null);
    }

    private static IEnumerable<StageReference> References(
        Instruction instruction, ShellLex lex, Dictionary<string, int> names, int stageCount, string path)
    {
        if (instruction.Keyword == "COPY" && instruction.FlagValue("from") is { Length: > 0 } from)
        {
            yield return CopyReference(instruction, from, lex, names, stageCount, path);
        }
        if (instruction.Keyword != "RUN")
        {
            yield break;
        }
        foreach (var mount in instruction.FlagValues("mount"))
        {
            if (ReadMount(mount, instruction, path).Source is { Length: > 0 } source)
            {
                // RUN --mount resolves from= by name only; a number there is an image name.
                yield return names.TryGetValue(source.ToLowerInvariant(), out var stage)
                    ? new StageReference("RUN", instruction.StartLine, StageReferenceKind.Stage, stage, null)
                    : new StageReference("RUN", instruction.StartLine, StageReferenceKind.Image, null, source);
            }
        }
    }

    private static StageReference CopyReference(
        Instruction instruction, string from, ShellLex lex, Dictionary<string, int> names, int stageCount, string path)
    {
        var processed = lex.Process(from, new Dictionary<string, string>(StringComparer.Ordinal));
        if (processed.Failed || processed.Result != from)
        {
            throw Codes.InvalidStageReference.Exception(
                $"COPY --from={from}: variable expansion is not supported for --from; define a stage with FROM using a global ARG and copy from that stage instead.",
                path, instruction.StartLine);
        }
        if (GoInteger().IsMatch(from))
        {
            if (!int.TryParse(from, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                return new StageReference("COPY", instruction.StartLine, StageReferenceKind.Image, null, from);
            }
            if (index < 0 || index >= stageCount)
            {
                throw Codes.InvalidStageReference.Exception(
                    $"COPY --from={from}: invalid stage index {index}; the Dockerfile has stages 0 to {stageCount - 1}.",
                    path, instruction.StartLine);
            }
            return new StageReference("COPY", instruction.StartLine, StageReferenceKind.Stage, index, null);
        }
        return names.TryGetValue(from.ToLowerInvariant(), out var stage)
            ? new StageReference("COPY", instruction.StartLine, StageReferenceKind.Stage, stage, null)
            : new StageReference("COPY", instruction.StartLine, StageReferenceKind.Image, null, from);
    }

    /// <summary>The <c>type=</c> (bind when absent) and <c>from=</c> of a <c>--mount</c> value, read as the CSV BuildKit reads it.</summary>
    private static (string Type, string? Source) ReadMount(string mount, Instruction instruction, string path)
    {
        var type = "bind";
        string? source = null;
        foreach (var field in CsvFields(mount, instruction, path))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? field : field[..equals]).ToLowerInvariant();
            if (equals < 0)
            {
                if (key is "readonly" or "ro" or "readwrite" or "rw" or "required")
                {
                    continue;
                }
                throw Codes.DockerfileSyntax.Exception(
                    $"RUN --mount={mount}: invalid field '{field}' must be a key=value pair.", path, instruction.StartLine);
            }
            if (key == "type")
            {
                type = field[(equals + 1)..].ToLowerInvariant();
                continue;
            }
            if (key != "from")
            {
                continue;
            }
            source = field[(equals + 1)..];
            if (DollarReference().IsMatch(source))
            {
                throw Codes.InvalidStageReference.Exception(
                    $"RUN --mount={mount}: 'from' doesn't support variable expansion; define an alias stage with FROM instead.",
                    path, instruction.StartLine);
            }
        }
        return (type, source);
    }

    /// <summary>
    /// Whether a stage makes BuildKit load the build context: a COPY or ADD of a local source, or a bind mount
    /// without <c>from=</c>, among its own instructions or the ONBUILD triggers of the stage it builds on.
    /// Only then does BuildKit apply .dockerignore, and fail on a malformed pattern.
    /// </summary>
    private static bool ReadsBuildContext(IEnumerable<Instruction> instructions, string path) =>
        instructions.Any(instruction => instruction.Keyword switch
        {
            "COPY" => string.IsNullOrEmpty(instruction.FlagValue("from")) && HasLocalSource(instruction, isAdd: false),
            "ADD" => HasLocalSource(instruction, isAdd: true),
            "RUN" => instruction.FlagValues("mount").Any(mount => ReadMount(mount, instruction, path) is ("bind", null or "")),
            _ => false,
        });

    /// <summary>A source that is neither a heredoc nor, for ADD, a URL: BuildKit takes it from the context.</summary>
    private static bool HasLocalSource(Instruction instruction, bool isAdd) =>
        instruction.Arguments.SkipLast(1).Any(source =>
            !(instruction.Heredocs.Count > 0 && source.StartsWith("<<", StringComparison.Ordinal))
            && !(isAdd && (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || source.StartsWith("git@", StringComparison.Ordinal))));

    private static List<string> CsvFields(string text, Instruction instruction, string path)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw CsvError(text, "extraneous or missing \" in quoted-field", instruction, path);
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != ',')
                {
                    throw CsvError(text, "extraneous or missing \" in quoted-field", instruction, path);
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',')
                {
                    if (text[i] == '"')
                    {
                        throw CsvError(text, "bare \" in non-quoted-field", instruction, path);
                    }
                    field.Append(text[i++]);
                }
            }
            fields.Add(field.ToString());
            if (i >= text.Length)
            {
                return fields;
            }
            i++;
        }
    }

    private static StageGateException CsvError(string text, string problem, Instruction instruction, string path) =>
        Codes.DockerfileSyntax.Exception($"RUN --mount={text}: failed to parse csv mounts: {problem}.", path, instruction.StartLine);

    /// <summary>
    /// BuildKit's circular dependency check: a stage that copies (or mounts) from itself, or from a
    /// stage that in turn needs it, can never be built.
    /// </summary>
    private static void CheckCycles(List<Stage> stages, string path)
    {
        var state = new int[stages.Count]; // 0 unvisited, 1 on the current path, 2 done
        var cycle = new List<(Stage From, StageReference Reference)>();

        bool Visit(Stage stage)
        {
            state[stage.Index] = 1;
            foreach (var reference in stage.References.Where(r => r.Kind == StageReferenceKind.Stage))
            {
                var target = reference.Stage!.Value;
                cycle.Add((stage, reference));
                if (state[target] == 1)
                {
                    var start = cycle.FindIndex(step => step.From.Index == target);
                    cycle.RemoveRange(0, start);
                    return true;
                }
                if (state[target] == 0 && Visit(stages[target]))
                {
                    return true;
                }
                cycle.RemoveAt(cycle.Count - 1);
            }
            state[stage.Index] = 2;
            return false;
        }

        foreach (var stage in stages)
        {
            if (state[stage.Index] == 0 && Visit(stage))
            {
                var first = cycle[0];
                if (cycle.Count == 1)
                {
                    throw Codes.StageCycle.Exception(
                        $"Stage '{first.From.DisplayName}' depends on itself: the {Describe(first.From, first.Reference, stages)} at line {first.Reference.Line} names its own stage.",
                        path, first.Reference.Line);
                }
                var names = string.Join(" → ", cycle.Select(step => step.From.DisplayName).Append(first.From.DisplayName));
                var steps = string.Join("; ", cycle.Select(step => $"{Describe(step.From, step.Reference, stages)} at line {step.Reference.Line}"));
                throw Codes.StageCycle.Exception(
                    $"Circular dependency detected on stage '{first.From.DisplayName}': {names} ({steps}).",
                    path, first.Reference.Line);
            }
        }
    }

    /// <summary>BuildKit refuses to copy or mount from a stage that comes later in the Dockerfile.</summary>
    private static void CheckForwardReferences(List<Stage> stages, string path)
    {
        foreach (var stage in stages)
        {
            foreach (var reference in stage.References.Where(r => r.Kind == StageReferenceKind.Stage && r.Stage > stage.Index))
            {
                var target = stages[reference.Stage!.Value];
                throw Codes.InvalidStageReference.Exception(
                    $"The {Describe(stage, reference, stages)} at line {reference.Line} names stage '{target.DisplayName}' (line {target.Line}), which comes after stage '{stage.DisplayName}'; a stage can only take files from stages defined before it.",
                    path, reference.Line);
            }
        }
    }

    /// <summary>The reference as the user wrote it, e.g. <c>COPY --from=0</c>.</summary>
    private static string Describe(Stage from, StageReference reference, List<Stage> stages)
    {
        var instruction = from.Instructions.First(i => i.StartLine == reference.Line);
        return reference.Instruction == "COPY"
            ? "COPY --from=" + instruction.FlagValue("from")
            : "RUN --mount=from=" + stages[reference.Stage!.Value].DisplayName;
    }

    [GeneratedRegex("^[a-z][a-z0-9\\-_.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidStageName();

    // Go's strconv.Atoi: an optional sign and decimal digits.
    [GeneratedRegex("^[+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoInteger();

    [GeneratedRegex(@"\$.", RegexOptions.CultureInvariant)]
    private static partial Regex DollarReference();
}
