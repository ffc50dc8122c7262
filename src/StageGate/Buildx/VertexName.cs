namespace StageGate.Buildx;

/// <summary>
/// The parts of a vertex name as BuildKit's Dockerfile frontend and buildx write it:
/// <c>[target platform stage n/m] INSTRUCTION</c>, every part but the instruction optional.
/// </summary>
/// <remarks>
/// The frontend writes <c>[stage n/m]</c> (<c>[n/m]</c> for a lone unnamed stage, <c>[stage-2 n/m]</c> for an unnamed
/// one among several) with the platform first when several are built; the step index is padded with spaces
/// (<c>[builder  3/12]</c>). A bake of more than one target puts the target first: <c>[test builder 1/2]</c>,
/// <c>[test internal] load …</c>, <c>[final] exporting to image</c>. Anything without <c>n/m</c> is internal.
/// </remarks>
internal sealed record VertexName(
    string? Target,
    string? Platform,
    string? Stage,
    int? StepNumber,
    int? StepCount,
    string Instruction)
{
    // Bracket words BuildKit and buildx use for vertices of no target and no stage.
    private static readonly HashSet<string> InternalWords = new(StringComparer.Ordinal) { "internal", "auth", "context" };

    public bool IsInternal => StepNumber is null;

    /// <param name="name">The vertex name.</param>
    /// <param name="bakeTargets">
    /// The targets of a bake that builds more than one (only then does buildx prefix names with the target);
    /// null or empty for a plain build. They settle <c>[final 1/2]</c>: a target's lone unnamed stage, not a stage.
    /// </param>
    public static VertexName Parse(string name, IReadOnlySet<string>? bakeTargets = null)
    {
        if (!name.StartsWith('['))
        {
            return new VertexName(null, null, null, null, null, name);
        }
        var close = name.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            return new VertexName(null, null, null, null, null, name);
        }

        var words = name[1..close].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var instruction = name[(close + 1)..].Trim();
        int? number = null, count = null;
        if (words.Count > 0 && TryParseStep(words[^1], out var n, out var m))
        {
            (number, count) = (n, m);
            words.RemoveAt(words.Count - 1);
        }

        // Platforms (linux/amd64, linux/arm64->amd64) are the only words holding '/'.
        var platformIndex = words.FindIndex(w => w.Contains('/', StringComparison.Ordinal));
        var platform = platformIndex < 0 ? null : words[platformIndex];
        var names = words.Where((_, i) => i != platformIndex).ToList();
        var knowsTargets = bakeTargets is { Count: > 1 };

        string? target = null, stage = null;
        if (number is null)
        {
            if (names.Count > 0 && (knowsTargets ? bakeTargets!.Contains(names[0]) : !InternalWords.Contains(names[0])))
            {
                target = names[0];
            }
        }
        else if (names.Count >= 2)
        {
            // Stage names hold no spaces, so two names can only be a target and its stage.
            (target, stage) = (names[0], names[1]);
        }
        else if (names.Count == 1)
        {
            var nameBeforePlatform = platformIndex > 0;
            if (nameBeforePlatform || knowsTargets && bakeTargets!.Contains(names[0]))
            {
                target = names[0];
            }
            else
            {
                stage = names[0];
            }
        }
        return new VertexName(target, platform, stage, number, count, instruction);
    }

    private static bool TryParseStep(string word, out int number, out int count)
    {
        number = count = 0;
        var slash = word.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && word[..slash].All(char.IsAsciiDigit) && word[(slash + 1)..].Length > 0 && word[(slash + 1)..].All(char.IsAsciiDigit)
            && int.TryParse(word[..slash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number)
            && int.TryParse(word[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count);
    }
}
