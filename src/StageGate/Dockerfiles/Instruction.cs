namespace StageGate.Dockerfiles;

/// <summary>
/// One Dockerfile instruction as BuildKit parses it: its keyword, its text with line continuations
/// joined (comment lines inside them dropped), and the lines it spans, heredoc bodies included.
/// </summary>
/// <param name="Keyword">The instruction keyword, upper-cased (<c>RUN</c>, <c>COPY</c>, …).</param>
/// <param name="Text">The instruction as written, continuations joined, without heredoc bodies.</param>
/// <param name="StartLine">The 1-based line the instruction starts on.</param>
/// <param name="EndLine">The 1-based line it ends on, after its last continuation or heredoc line.</param>
public sealed record Instruction(string Keyword, string Text, int StartLine, int EndLine)
{
    /// <summary>Its flags as BuildKit extracts them, quotes removed: <c>--from=builder</c>, <c>--link</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>
    /// Its arguments, unexpanded: the JSON array's strings in exec form; in shell form the whole command
    /// for RUN, CMD and ENTRYPOINT, and whitespace-separated words for FROM, COPY, ADD and the like.
    /// </summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>True when the arguments were a JSON array (exec form).</summary>
    public bool IsJsonForm { get; init; }

    /// <summary>The heredocs a RUN, COPY or ADD line opens, in order.</summary>
    internal IReadOnlyList<Heredoc> Heredocs { get; init; } = [];

    /// <summary>The instruction an ONBUILD registers, parsed like any other.</summary>
    internal Instruction? Trigger { get; init; }

    /// <summary>The lines and columns its text came from, in order; empty for an ONBUILD trigger.</summary>
    internal IReadOnlyList<SourceSegment> Segments { get; init; } = [];

    /// <summary>The line and column of a character of <see cref="Text"/>, for diagnostics that point inside an instruction.</summary>
    internal (int Line, int Column) PositionOf(int offset)
    {
        var segment = Segments.LastOrDefault(s => s.Offset <= offset);
        return segment is null ? (StartLine, 1) : (segment.Line, segment.Column + offset - segment.Offset);
    }

    /// <summary>The value of the last <c>--name=value</c> flag, or null when the flag is absent.</summary>
    internal string? FlagValue(string name) => FlagValues(name).LastOrDefault();

    /// <summary>Every value given to a repeatable flag such as <c>--mount</c>, in order.</summary>
    internal IEnumerable<string> FlagValues(string name)
    {
        var prefix = "--" + name + "=";
        foreach (var flag in Flags)
        {
            if (flag.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return flag[prefix.Length..];
            }
        }
    }
}
