using System.Text;

namespace StageGate.Processes;

/// <summary>
/// Where the lines of a program's standard output or standard error go, as they arrive. Lines come
/// without their line break, with secrets as <c>***</c>; a line longer than 64 Ki characters is cut
/// there and ends with <c>[... N more characters]</c>. Within one run, targets are never called
/// concurrently, so one target can take both streams.
/// </summary>
internal abstract class OutputTarget
{
    private protected OutputTarget()
    {
    }

    /// <summary>Drops every line (the tail in the result still keeps the last ones).</summary>
    public static OutputTarget Null { get; } = new NullTarget();

    /// <summary>Calls <paramref name="onLine"/> with each line.</summary>
    public static OutputTarget ToLines(Action<string> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        return new LineTarget(onLine);
    }

    /// <summary>Appends each line and a <c>\n</c> to <paramref name="builder"/>.</summary>
    public static OutputTarget ToStringBuilder(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new LineTarget(line => builder.Append(line).Append('\n'));
    }

    /// <summary>Sends each line to every one of <paramref name="targets"/>, in order.</summary>
    public static OutputTarget Merge(params OutputTarget[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        OutputTarget[] flat = [.. targets.SelectMany(t => t is MergedTarget m ? m.Targets : [t]).Where(t => t is not NullTarget)];
        return flat.Length switch
        {
            0 => Null,
            1 => flat[0],
            _ => new MergedTarget(flat),
        };
    }

    /// <summary>
    /// Receives the stream as it is read, in chunks of any size and with lines left whole, for a parser of a
    /// stream format (buildx's progress JSON holds lines of many megabytes that must not be cut). Chunks are not
    /// masked, since a secret may straddle two of them: the parser masks what it shows. The span is only valid
    /// during the call. The line tail in the result is kept as for any other target.
    /// </summary>
    internal static OutputTarget ToChunks(ChunkReader onChunk)
    {
        ArgumentNullException.ThrowIfNull(onChunk);
        return new ChunkTarget(onChunk);
    }

    /// <summary>Reads a chunk of output; see <see cref="ToChunks"/>.</summary>
    internal delegate void ChunkReader(ReadOnlySpan<char> chunk);

    internal abstract void WriteLine(string line);

    /// <summary>A chunk of the stream as read; only <see cref="ToChunks"/> targets look at it.</summary>
    internal virtual void WriteChunk(ReadOnlySpan<char> chunk)
    {
    }

    private sealed class NullTarget : OutputTarget
    {
        internal override void WriteLine(string line)
        {
        }
    }

    private sealed class LineTarget(Action<string> onLine) : OutputTarget
    {
        internal override void WriteLine(string line) => onLine(line);
    }

    private sealed class ChunkTarget(ChunkReader onChunk) : OutputTarget
    {
        internal override void WriteLine(string line)
        {
        }

        internal override void WriteChunk(ReadOnlySpan<char> chunk) => onChunk(chunk);
    }

    private sealed class MergedTarget(OutputTarget[] targets) : OutputTarget
    {
        public OutputTarget[] Targets => targets;

        internal override void WriteLine(string line)
        {
            foreach (var target in targets)
            {
                target.WriteLine(line);
            }
        }

        internal override void WriteChunk(ReadOnlySpan<char> chunk)
        {
            foreach (var target in targets)
            {
                target.WriteChunk(chunk);
            }
        }
    }
}
