using System.Buffers;
using System.Text;
using System.Text.Json;

namespace StageGate.Buildx;

/// <summary>
/// Reads <c>--progress=rawjson</c> incrementally. buildx writes pretty-printed JSON objects one after another (not
/// one per line) and plain text lines around them, so the reader tracks brace depth outside strings and hands out
/// each object the moment it closes. Text may arrive in lines or in chunks of any size.
/// </summary>
/// <remarks>
/// A step's output travels base64-encoded inside <c>logs[].data</c>, so one record can be a line of many megabytes;
/// it is read whole, never cut at a line length. Memory stays bounded by <c>maxRecordBytes</c>: past it, a string
/// being read keeps only its end (log data's end holds the step's last lines), and a record that outgrows the limit
/// outside any string is skipped to its closing brace. Raw JSON is never handed out as text, except a short
/// one-line braced text that is not JSON at all.
/// </remarks>
internal sealed class RawJsonProgressReader
{
    /// <summary>The most of one record held in memory, as UTF-8.</summary>
    public const int DefaultMaxRecordBytes = 64 * 1024 * 1024;

    /// <summary>Text lines outside the objects are buildx messages; a longer one is cut and ends with <c>…</c>.</summary>
    public const int MaxTextLineLength = 16 * 1024;

    private const int InitialCapacity = 16 * 1024;

    // A record the reader gave up on is shown as text only if it is this short and one line: anything longer is JSON.
    private const int MaxAbandonedTextLength = 1024;

    private static readonly SearchValues<char> StringStops = SearchValues.Create("\"\\\n");
    private static readonly SearchValues<char> StructureStops = SearchValues.Create("\"{}[]");

    private readonly int _maxRecordBytes;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly StringBuilder _text = new();
    private byte[] _record = new byte[InitialCapacity];
    private int _length;
    private int _depth;
    private bool _inString;
    private bool _escaped;
    private int _stringStart;
    private bool _startCut;
    private bool _skipping;
    private bool _textCut;

    /// <param name="maxRecordBytes">The most of one record held in memory; tests pass a small limit.</param>
    public RawJsonProgressReader(int maxRecordBytes = DefaultMaxRecordBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordBytes, 64);
        _maxRecordBytes = maxRecordBytes;
    }

    /// <summary>Reads one line of stderr (without its line break).</summary>
    public IReadOnlyList<RawJsonItem> ReadLine(string line) => Read(string.Concat(line, "\n"));

    /// <summary>Reads a chunk of stderr of any length; returns the objects and text lines it completed.</summary>
    public IReadOnlyList<RawJsonItem> Read(ReadOnlySpan<char> chunk)
    {
        var items = new List<RawJsonItem>();
        while (!chunk.IsEmpty)
        {
            if (_depth == 0)
            {
                ReadOutside(chunk[0], items);
                chunk = chunk[1..];
            }
            else
            {
                chunk = chunk[ReadInside(chunk, items)..];
            }
        }
        return items;
    }

    /// <summary>Ends the stream: an unfinished object is dropped (it is JSON, not text); an unfinished line is surfaced.</summary>
    public IReadOnlyList<RawJsonItem> Complete()
    {
        var items = new List<RawJsonItem>();
        if (_depth > 0)
        {
            if (Abandoned() is { } text)
            {
                _text.Append(text);
            }
            ResetRecord();
        }
        FlushText(items);
        return items;
    }

    private void ReadOutside(char c, List<RawJsonItem> items)
    {
        if (c == '\n')
        {
            FlushText(items);
        }
        else if (c == '{' && IsBlank(_text))
        {
            _text.Clear();
            _depth = 1;
            AppendStructure("{");
        }
        else if (_text.Length < MaxTextLineLength)
        {
            _text.Append(c);
        }
        else
        {
            _textCut = true;
        }
    }

    /// <summary>Reads inside an object until it closes or the chunk ends; returns how many characters it used.</summary>
    private int ReadInside(ReadOnlySpan<char> chunk, List<RawJsonItem> items)
    {
        var i = 0;
        var pending = 0;
        while (i < chunk.Length)
        {
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                    i++;
                    continue;
                }
                var stop = chunk[i..].IndexOfAny(StringStops);
                if (stop < 0)
                {
                    i = chunk.Length;
                    break;
                }
                i += stop;
                switch (chunk[i])
                {
                    case '\\':
                        _escaped = true;
                        i++;
                        break;
                    case '"':
                        AppendString(chunk[pending..i]);
                        pending = i;
                        _inString = false;
                        i++;
                        break;
                    default:
                        // JSON strings never hold a raw line break: this was not JSON after all.
                        AppendString(chunk[pending..i]);
                        var text = Abandoned();
                        ResetRecord();
                        if (text is not null)
                        {
                            _text.Append(text);
                            FlushText(items);
                        }
                        return i + 1;
                }
                continue;
            }

            var next = chunk[i..].IndexOfAny(StructureStops);
            if (next < 0)
            {
                i = chunk.Length;
                break;
            }
            i += next;
            var c = chunk[i++];
            switch (c)
            {
                case '"':
                    AppendStructure(chunk[pending..i]);
                    pending = i;
                    _inString = true;
                    _stringStart = _length;
                    break;
                case '{' or '[':
                    _depth++;
                    break;
                case '}' or ']':
                    _depth--;
                    if (_depth == 0)
                    {
                        AppendStructure(chunk[pending..i]);
                        FinishObject(items);
                        return i;
                    }
                    break;
            }
        }
        if (_inString)
        {
            AppendString(chunk[pending..i]);
        }
        else
        {
            AppendStructure(chunk[pending..i]);
        }
        return i;
    }

    private void AppendStructure(ReadOnlySpan<char> chars)
    {
        if (_skipping || chars.IsEmpty)
        {
            return;
        }
        var needed = _encoder.GetByteCount(chars, flush: false);
        if (_length + needed > _maxRecordBytes)
        {
            // Not a long string but a record of very many parts: nothing in it is worth its memory.
            _skipping = true;
            _length = 0;
            return;
        }
        Encode(chars, needed);
    }

    private void AppendString(ReadOnlySpan<char> chars)
    {
        while (!_skipping && !chars.IsEmpty)
        {
            // A character is at most 3 UTF-8 bytes, so a piece this long always fits.
            var piece = chars[..Math.Min(chars.Length, (_maxRecordBytes - _length) / 3)];
            if (piece.IsEmpty)
            {
                KeepEndOfString();
                continue;
            }
            Encode(piece, _encoder.GetByteCount(piece, flush: false));
            chars = chars[piece.Length..];
        }
    }

    /// <summary>
    /// Drops the front half of the string being read, a multiple of 4 bytes so that base64 data still decodes
    /// (to the end of the bytes it held). A string that cannot shrink makes the whole record skipped.
    /// </summary>
    private void KeepEndOfString()
    {
        var content = _length - _stringStart;
        var drop = content / 2 / 4 * 4;
        if (drop == 0)
        {
            _skipping = true;
            _length = 0;
            return;
        }
        _record.AsSpan(_stringStart + drop, content - drop).CopyTo(_record.AsSpan(_stringStart));
        _length -= drop;
        _startCut = true;
    }

    private void Encode(ReadOnlySpan<char> chars, int byteCount)
    {
        if (_length + byteCount > _record.Length)
        {
            var capacity = (int)Math.Min(_maxRecordBytes, Math.Max((long)_record.Length * 2, _length + byteCount));
            Array.Resize(ref _record, capacity);
        }
        _length += _encoder.GetBytes(chars, _record.AsSpan(_length), flush: false);
    }

    private void FinishObject(List<RawJsonItem> items)
    {
        if (_skipping)
        {
            ResetRecord();
            return;
        }
        SolveStatus? status;
        try
        {
            status = JsonSerializer.Deserialize(_record.AsSpan(0, _length), SolveStatusJsonContext.Default.SolveStatus);
        }
        catch (JsonException)
        {
            status = null;
        }
        if (status is not null)
        {
            items.Add(new SolveStatusItem(status, _startCut));
        }
        else if (Abandoned() is { } text)
        {
            _text.Append(text);
            FlushText(items);
        }
        ResetRecord();
    }

    /// <summary>What was read of a record that is not JSON, if it is short, one-line text; otherwise null (it is dropped).</summary>
    private string? Abandoned()
    {
        if (_skipping || _startCut || _length > MaxAbandonedTextLength)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(_record, 0, _length);
        return text.Contains('\n', StringComparison.Ordinal) ? null : text;
    }

    private void ResetRecord()
    {
        _depth = 0;
        _length = 0;
        _inString = _escaped = _startCut = _skipping = false;
        _encoder.Reset();
        // A huge record's buffer is let go so that one burst of output does not hold its memory for the whole build.
        if (_record.Length > InitialCapacity * 64)
        {
            _record = new byte[InitialCapacity];
        }
    }

    private void FlushText(List<RawJsonItem> items)
    {
        var line = _text.ToString().TrimEnd('\r');
        _text.Clear();
        if (_textCut)
        {
            line += "…";
            _textCut = false;
        }
        if (!string.IsNullOrWhiteSpace(line))
        {
            items.Add(new TextLineItem(line));
        }
    }

    private static bool IsBlank(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
