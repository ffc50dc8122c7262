using System.Text;

namespace StageGate.Processes;

/// <summary>
/// Cuts a stream of characters into lines at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as
/// <see cref="TextReader.ReadLine"/> does, but keeps at most <c>keepLength</c> characters of each line
/// so a program that writes megabytes without a newline cannot exhaust memory.
/// </summary>
internal sealed class LineSplitter(int keepLength, Action<string, long> onLine)
{
    private readonly StringBuilder _kept = new();
    private long _length;
    private bool _afterCarriageReturn;

    public void Write(ReadOnlySpan<char> chunk)
    {
        while (!chunk.IsEmpty)
        {
            if (_afterCarriageReturn && chunk[0] == '\n')
            {
                chunk = chunk[1..];
                _afterCarriageReturn = false;
                continue;
            }
            _afterCarriageReturn = false;

            var end = chunk.IndexOfAny('\r', '\n');
            var text = end < 0 ? chunk : chunk[..end];
            var room = (int)Math.Max(0, keepLength - _length);
            _kept.Append(text[..Math.Min(room, text.Length)]);
            _length += text.Length;
            if (end < 0)
            {
                return;
            }

            _afterCarriageReturn = chunk[end] == '\r';
            Emit();
            chunk = chunk[(end + 1)..];
        }
    }

    /// <summary>Emits a last line that had no line break after it.</summary>
    public void Complete()
    {
        if (_length > 0)
        {
            Emit();
        }
    }

    private void Emit()
    {
        var line = _kept.ToString();
        var length = _length;
        _kept.Clear();
        _length = 0;
        onLine(line, length);
    }
}
