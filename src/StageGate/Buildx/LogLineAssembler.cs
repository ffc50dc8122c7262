using System.Text;

namespace StageGate.Buildx;

/// <summary>
/// Turns one output stream of a step, arriving as byte chunks that may end mid-line or mid-character, into lines
/// in bounded memory: a line longer than <see cref="MaxLineLength"/> characters keeps its start and ends with
/// <c>…</c>, and a <c>\r</c> redraw keeps what was drawn last, as a terminal shows it.
/// </summary>
internal sealed class LogLineAssembler
{
    /// <summary>The longest line kept; a failure's last lines matter, not one line's megabytes.</summary>
    public const int MaxLineLength = 2000;

    public const string CutMark = "…";

    // Output is decoded a slice at a time so that a chunk of many megabytes never becomes one char array.
    private const int SliceBytes = 16 * 1024;

    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private readonly char[] _chars = new char[Encoding.UTF8.GetMaxCharCount(SliceBytes)];
    private readonly StringBuilder _line = new();
    private bool _endCut;
    private bool _startCut;
    private bool _afterCarriageReturn;

    /// <summary>Reads output bytes; adds the lines they completed to <paramref name="lines"/>.</summary>
    public void Write(ReadOnlySpan<byte> data, List<string> lines)
    {
        while (!data.IsEmpty)
        {
            var slice = data[..Math.Min(SliceBytes, data.Length)];
            var count = _decoder.GetChars(slice, _chars, flush: false);
            Add(_chars.AsSpan(0, count), lines);
            data = data[slice.Length..];
        }
    }

    /// <summary>
    /// The output that follows comes after a gap (the front of a huge record was dropped): the line being built
    /// lost its end, and the next one its start; both are marked.
    /// </summary>
    public void Gap(List<string> lines)
    {
        if (_line.Length > 0 || _startCut)
        {
            _endCut = true;
            Emit(lines);
        }
        _decoder.Reset();
        _afterCarriageReturn = false;
        _startCut = true;
    }

    /// <summary>Ends a line that had no line break after it, if there is one.</summary>
    public void Flush(List<string> lines)
    {
        if (_line.Length > 0 || _endCut)
        {
            Emit(lines);
        }
        _afterCarriageReturn = false;
    }

    private void Add(ReadOnlySpan<char> chars, List<string> lines)
    {
        while (!chars.IsEmpty)
        {
            if (_afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                if (chars[0] == '\n')
                {
                    Emit(lines);
                    chars = chars[1..];
                    continue;
                }
                // A progress bar redraws its line with '\r'; what was last drawn is what a terminal shows.
                _line.Clear();
                _endCut = _startCut = false;
            }

            var stop = chars.IndexOfAny('\r', '\n');
            var text = stop < 0 ? chars : chars[..stop];
            var room = MaxLineLength - _line.Length;
            if (text.Length > room)
            {
                _line.Append(text[..room]);
                _endCut = true;
            }
            else
            {
                _line.Append(text);
            }
            if (stop < 0)
            {
                return;
            }
            if (chars[stop] == '\n')
            {
                Emit(lines);
            }
            else
            {
                _afterCarriageReturn = true;
            }
            chars = chars[(stop + 1)..];
        }
    }

    private void Emit(List<string> lines)
    {
        lines.Add((_startCut ? CutMark : "") + _line.ToString() + (_endCut ? CutMark : ""));
        _line.Clear();
        _endCut = _startCut = false;
    }
}
