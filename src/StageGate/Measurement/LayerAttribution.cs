using StageGate.Dockerfiles;
using StageGate.Engine;
using StageGate.Gates;

namespace StageGate.Measurement;

/// <summary>
/// Attributes an image's history entries to the Dockerfile instructions that made them. The newest
/// entries belong to the final stage (and the stages it builds on); walking both lists from the end and
/// matching instruction keywords pairs them without needing source locations older BuildKit lacks.
/// </summary>
internal static class LayerAttribution
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "RUN", "COPY", "ADD", "ENV", "WORKDIR", "USER", "LABEL", "EXPOSE", "ENTRYPOINT", "CMD", "VOLUME",
        "STOPSIGNAL", "HEALTHCHECK", "SHELL", "ONBUILD", "MAINTAINER", "ARG",
    };

    /// <summary>Layers oldest first, each with the Dockerfile line that made it when it could be told.</summary>
    public static IReadOnlyList<LayerResult> Attribute(Dockerfile dockerfile, Stage final, IReadOnlyList<ImageLayer> historyNewestFirst)
    {
        var instructions = InstructionChain(dockerfile, final);
        var lines = new int?[historyNewestFirst.Count];
        var next = instructions.Count - 1;
        for (var i = 0; i < historyNewestFirst.Count && next >= 0; i++)
        {
            var keyword = KeywordOf(historyNewestFirst[i].CreatedBy);
            // ARG leaves no history entry in BuildKit images; step over it rather than losing the pairing.
            while (next >= 0 && !string.Equals(instructions[next].Keyword, keyword, StringComparison.OrdinalIgnoreCase)
                   && string.Equals(instructions[next].Keyword, "ARG", StringComparison.OrdinalIgnoreCase))
            {
                next--;
            }
            if (next < 0 || !string.Equals(instructions[next].Keyword, keyword, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
            lines[i] = instructions[next].StartLine;
            next--;
        }

        var layers = new List<LayerResult>(historyNewestFirst.Count);
        for (var i = historyNewestFirst.Count - 1; i >= 0; i--)
        {
            layers.Add(new LayerResult(historyNewestFirst[i].Size, Clean(historyNewestFirst[i].CreatedBy), lines[i]));
        }
        return layers;
    }

    /// <summary>The instructions that add history to the final image: its base stages' and its own, FROMs left out.</summary>
    private static List<Instruction> InstructionChain(Dockerfile dockerfile, Stage final)
    {
        var chain = new List<Stage>();
        for (Stage? stage = final; stage is not null; stage = stage.BaseStage is int b ? dockerfile.Stages[b] : null)
        {
            chain.Insert(0, stage);
        }
        return chain.SelectMany(s => s.Instructions)
            .Where(i => !string.Equals(i.Keyword, "FROM", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    internal static string KeywordOf(string createdBy)
    {
        var text = createdBy.Trim();
        const string nop = "/bin/sh -c #(nop) ";
        var nopAt = text.IndexOf(nop, StringComparison.Ordinal);
        if (nopAt >= 0)
        {
            text = text[(nopAt + nop.Length)..].TrimStart();
        }
        else if (text.StartsWith("/bin/sh -c", StringComparison.Ordinal) || text.StartsWith('|'))
        {
            return "RUN";
        }
        var end = text.IndexOfAny([' ', '\t']);
        var first = end < 0 ? text : text[..end];
        return Keywords.Contains(first) ? first.ToUpperInvariant() : "";
    }

    /// <summary>The instruction as a user wrote it: BuildKit's <c># buildkit</c> suffix and shell prefix dropped.</summary>
    internal static string Clean(string createdBy)
    {
        var text = createdBy.Trim();
        if (text.EndsWith("# buildkit", StringComparison.Ordinal))
        {
            text = text[..^"# buildkit".Length].TrimEnd();
        }
        // A RUN that sees build arguments is recorded as "RUN |2 A=1 B=2 /bin/sh -c …"; the arguments are not what the user wrote.
        const string shell = "/bin/sh -c ";
        if (text.StartsWith("RUN |", StringComparison.Ordinal) && text.IndexOf(shell, StringComparison.Ordinal) is var at and > 0)
        {
            text = "RUN " + text[(at + shell.Length)..];
        }
        return text.Replace("/bin/sh -c #(nop) ", "", StringComparison.Ordinal)
            .Replace("RUN /bin/sh -c ", "RUN ", StringComparison.Ordinal)
            .Trim();
    }
}
