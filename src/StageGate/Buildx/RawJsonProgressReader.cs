using System.Text;
using System.Text.Json;

namespace StageGate.Buildx;

/// <summary>
/// Reads <c>--progress=rawjson</c> incrementally. buildx writes pretty-printed JSON objects one after another (not
/// one per line) and plain text lines around them, so the reader tracks brace depth outside strings and hands out
/// each object the moment it closes. Text may arrive in lines or in chunks of any size.
/// </summary>
internal sealed class RawJsonProgressReader
{
    // A status object is a few KB; anything far larger is not a progress object and is surfaced as text.
    private const int MaxObjectLength = 16 * 1024 * 1024;

    private readonly StringBuilder _object = new();
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _inString;
    private bool _escaped;

    /// <summary>Reads one line of stderr as the process runner delivers it (without its line break).</summary>
    public IReadOnlyList<RawJsonItem> ReadLine(string line) => Read(string.Concat(line, "\n"));

    /// <summary>Reads a chunk of stderr of any length; returns the objects and text lines it completed.</summary>
    public IReadOnlyList<RawJsonItem> Read(ReadOnlySpan<char> chunk)
    {
        var items = new List<RawJsonItem>();
        foreach (var c in chunk)
        {
            if (_depth == 0)
            {
                ReadOutside(c, items);
            }
            else
            {
                ReadInside(c, items);
            }
        }
        return items;
    }

    /// <summary>Ends the stream: an unfinished object or line is surfaced as text.</summary>
    public IReadOnlyList<RawJsonItem> Complete()
    {
        var items = new List<RawJsonItem>();
        if (_depth > 0)
        {
            AbandonObject(items);
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
            _object.Append(c);
            _depth = 1;
            _inString = false;
            _escaped = false;
        }
        else
        {
            _text.Append(c);
        }
    }

    private void ReadInside(char c, List<RawJsonItem> items)
    {
        _object.Append(c);
        if (_inString)
        {
            if (c == '\n')
            {
                // JSON strings never hold a raw line break: this was not JSON after all.
                AbandonObject(items);
            }
            else if (_escaped)
            {
                _escaped = false;
            }
            else if (c == '\\')
            {
                _escaped = true;
            }
            else if (c == '"')
            {
                _inString = false;
            }
            return;
        }

        switch (c)
        {
            case '"':
                _inString = true;
                break;
            case '{' or '[':
                _depth++;
                break;
            case '}' or ']':
                _depth--;
                if (_depth == 0)
                {
                    FinishObject(items);
                }
                break;
        }
        if (_depth > 0 && _object.Length > MaxObjectLength)
        {
            AbandonObject(items);
        }
    }

    private void FinishObject(List<RawJsonItem> items)
    {
        var json = _object.ToString();
        _object.Clear();
        SolveStatus? status;
        try
        {
            status = JsonSerializer.Deserialize<SolveStatus>(json);
        }
        catch (JsonException)
        {
            status = null;
        }
        if (status is null)
        {
            AddTextLines(json, items);
            return;
        }
        items.Add(new SolveStatusItem(status));
    }

    private void AbandonObject(List<RawJsonItem> items)
    {
        var text = _object.ToString();
        _object.Clear();
        _depth = 0;
        _inString = false;
        _escaped = false;
        // The last partial line goes back to the text buffer: the rest of it may still arrive.
        var lastBreak = text.LastIndexOf('\n');
        AddTextLines(lastBreak < 0 ? "" : text[..lastBreak], items);
        _text.Append(lastBreak < 0 ? text : text[(lastBreak + 1)..]);
    }

    private void FlushText(List<RawJsonItem> items)
    {
        var line = _text.ToString().TrimEnd('\r');
        _text.Clear();
        if (!string.IsNullOrWhiteSpace(line))
        {
            items.Add(new TextLineItem(line));
        }
    }

    private static void AddTextLines(string text, List<RawJsonItem> items)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(trimmed))
            {
                items.Add(new TextLineItem(trimmed));
            }
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
