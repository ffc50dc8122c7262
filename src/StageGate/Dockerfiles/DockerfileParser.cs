using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StageGate.Diagnostics;

namespace StageGate.Dockerfiles;

/// <summary>
/// BuildKit's line parser (frontend/dockerfile/parser): directives, continuations, comments, heredocs,
/// builder flags and the per-instruction argument forms, ported rule for rule.
/// </summary>
internal static partial class DockerfileParser
{
    private static readonly Dictionary<string, Func<string, char, string, int, ParsedArguments>> ArgumentParsers = new(StringComparer.Ordinal)
    {
        ["add"] = (rest, _, path, line) => ParseMaybeJsonToList(rest, path, line),
        ["arg"] = (rest, escape, _, _) => new ParsedArguments(ParseWords(rest, escape), false),
        ["cmd"] = (rest, _, path, line) => ParseMaybeJson(rest, path, line),
        ["copy"] = (rest, _, path, line) => ParseMaybeJsonToList(rest, path, line),
        ["entrypoint"] = (rest, _, path, line) => ParseMaybeJson(rest, path, line),
        ["env"] = (rest, escape, path, line) => ParseNameValue(rest, "ENV", escape, path, line),
        ["expose"] = (rest, _, _, _) => ParseWhitespaceDelimited(rest),
        ["from"] = (rest, _, _, _) => ParseWhitespaceDelimited(rest),
        ["healthcheck"] = (rest, _, path, line) => ParseHealthcheck(rest, path, line),
        ["label"] = (rest, escape, path, line) => ParseNameValue(rest, "LABEL", escape, path, line),
        ["maintainer"] = (rest, _, _, _) => ParseString(rest),
        ["run"] = (rest, _, path, line) => ParseMaybeJson(rest, path, line),
        ["shell"] = (rest, _, path, line) => ParseMaybeJson(rest, path, line),
        ["stopsignal"] = (rest, _, _, _) => ParseString(rest),
        ["user"] = (rest, _, _, _) => ParseString(rest),
        ["volume"] = (rest, _, path, line) => ParseMaybeJsonToList(rest, path, line),
        ["workdir"] = (rest, _, _, _) => ParseString(rest),
    };

    private static readonly HashSet<string> HeredocKeywords = new(StringComparer.Ordinal) { "ADD", "COPY", "RUN" };

    /// <summary>Every instruction keyword BuildKit knows, lower-cased.</summary>
    internal static IReadOnlySet<string> Keywords { get; } = ArgumentParsers.Keys.Append("onbuild").ToHashSet(StringComparer.Ordinal);

    public static ParsedDockerfile Parse(string text, string path)
    {
        var lines = PhysicalLines(text);
        var directives = new DirectiveState(path);
        var instructions = new List<Instruction>();
        var next = 0;
        var currentLine = 0;

        while (next < lines.Count)
        {
            var raw = lines[next++];
            if (next == 1)
            {
                raw = raw.TrimStart('\uFEFF');
            }
            var token = TrimLeadingWhitespace(TrimNewline(raw));
            var indent = TrimNewline(raw).Length - token.Length;
            directives.Consider(token, currentLine + 1);
            token = TrimComment(token);
            currentLine++;

            var startLine = currentLine;
            var (line, endOfLine) = directives.TrimContinuation(token);
            if (endOfLine && line.Length == 0)
            {
                continue;
            }
            var segments = new List<SourceSegment> { new(0, startLine, indent + 1) };

            while (!endOfLine && next < lines.Count)
            {
                var continuationRaw = lines[next++];
                var continuation = TrimNewline(continuationRaw);
                directives.Consider(continuation, currentLine + 1);
                continuation = TrimComment(continuation);
                currentLine++;

                // Comment lines and empty lines inside a continuation are dropped, as BuildKit does.
                if (IsComment(continuationRaw) || TrimLeadingWhitespace(continuation).Length == 0)
                {
                    continue;
                }
                (continuation, endOfLine) = directives.TrimContinuation(continuation);
                segments.Add(new SourceSegment(line.Length, currentLine, 1));
                line += continuation;
            }

            var instruction = NewInstruction(line, directives.Escape, path, startLine, currentLine) with { Segments = segments };
            if (CanContainHeredoc(instruction))
            {
                var heredocs = new List<Heredoc>();
                foreach (var heredoc in HeredocsFromLine(line, path, startLine))
                {
                    var content = new StringBuilder();
                    var terminated = false;
                    while (next < lines.Count)
                    {
                        var body = lines[next++];
                        currentLine++;
                        var possibleTerminator = TrimNewline(body);
                        if (heredoc.StripLeadingTabs)
                        {
                            possibleTerminator = possibleTerminator.TrimStart('\t');
                        }
                        if (possibleTerminator == heredoc.Name)
                        {
                            terminated = true;
                            break;
                        }
                        content.Append(body);
                    }
                    if (!terminated)
                    {
                        throw Codes.DockerfileSyntax.Exception(
                            $"Unterminated heredoc <<{heredoc.Name} in the {instruction.Keyword} at line {startLine}: no line '{heredoc.Name}' closes it before the end of the file.",
                            path, startLine);
                    }
                    heredocs.Add(heredoc with { Content = content.ToString() });
                }
                instruction = instruction with { EndLine = currentLine, Heredocs = heredocs };
            }
            instructions.Add(instruction);
        }

        return new ParsedDockerfile(new ParserDirectives(directives.Escape, directives.Syntax, directives.Check), instructions);
    }

    private static List<string> PhysicalLines(string text)
    {
        // Lines keep their terminator: heredoc bodies are taken byte for byte, as BuildKit does.
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(text[start..]);
                break;
            }
            lines.Add(text[start..(newline + 1)]);
            start = newline + 1;
        }
        return lines;
    }

    private static string TrimNewline(string line) => line.TrimEnd('\r', '\n');

    private static string TrimLeadingWhitespace(string line) => line.TrimStart();

    private static bool IsComment(string line) => TrimLeadingWhitespace(TrimNewline(line)).StartsWith('#');

    private static string TrimComment(string line) => line.StartsWith('#') ? "" : line;

    private static Instruction NewInstruction(string line, char escape, string path, int startLine, int endLine)
    {
        var parts = Whitespace().Split(line.Trim(), 2);
        var command = parts[0].ToLowerInvariant();
        var flags = new List<string>();
        var rest = "";
        if (parts.Length == 2)
        {
            (rest, flags) = ExtractBuilderFlags(parts[1]);
            rest = rest.Trim();
        }

        ParsedArguments arguments;
        Instruction? trigger = null;
        if (command == "onbuild")
        {
            if (rest.Length > 0)
            {
                trigger = NewInstruction(rest, escape, path, startLine, endLine);
                arguments = new ParsedArguments([trigger.Keyword, .. trigger.Arguments], trigger.IsJsonForm);
            }
            else
            {
                arguments = new ParsedArguments([], false);
            }
        }
        else if (ArgumentParsers.TryGetValue(command, out var parse))
        {
            arguments = parse(rest, escape, path, startLine);
        }
        else
        {
            // An unknown keyword parses; the instruction rules reject it with a suggestion.
            arguments = new ParsedArguments([], false);
        }

        return new Instruction(command.ToUpperInvariant(), line.Trim(), startLine, endLine)
        {
            Flags = flags,
            Arguments = arguments.Values,
            IsJsonForm = arguments.IsJson,
            Trigger = trigger,
        };
    }

    private static bool CanContainHeredoc(Instruction instruction)
    {
        var target = instruction.Keyword == "ONBUILD" && instruction.Trigger is { } trigger ? trigger : instruction;
        return HeredocKeywords.Contains(target.Keyword) && !target.IsJsonForm;
    }

    private static List<Heredoc> HeredocsFromLine(string line, string path, int lineNumber)
    {
        var lex = new ShellLex('\\') { RawQuotes = true, RawEscapes = true, SkipUnsetEnv = true };
        var heredocs = new List<Heredoc>();
        foreach (var word in lex.Process(line, Empty).Words)
        {
            if (ParseHeredoc(word, path, lineNumber) is { } heredoc)
            {
                heredocs.Add(heredoc);
            }
        }
        return heredocs;
    }

    private static Heredoc? ParseHeredoc(string word, string path, int lineNumber)
    {
        var match = HeredocMarker().Match(word);
        if (!match.Success || match.Groups[3].Value.Length == 0)
        {
            return null;
        }
        var rest = match.Groups[3].Value;
        var unquoted = new ShellLex('\\') { SkipUnsetEnv = true }.Process(rest, Empty);
        if (unquoted.Failed)
        {
            throw Codes.DockerfileSyntax.Exception($"Heredoc marker {word}: {unquoted.Error}", path, lineNumber);
        }
        if (unquoted.Words.Count != 1)
        {
            return null;
        }
        var raw = new ShellLex('\\') { SkipUnsetEnv = true, RawQuotes = true }.Process(rest, Empty);
        if (raw.Failed || raw.Words.Count != 1)
        {
            throw Codes.DockerfileSyntax.Exception($"Heredoc marker {word} cannot be read consistently.", path, lineNumber);
        }

        // A quoted terminator (<<"EOF", <<'EOF') means the body is taken literally.
        var name = unquoted.Words[0];
        var expand = QuoteCount(name) == QuoteCount(raw.Words[0]);
        var descriptor = match.Groups[1].Value.Length == 0 || !int.TryParse(match.Groups[1].Value, out var fd) ? 0 : fd;
        return new Heredoc(name, "", match.Groups[2].Value == "-", expand, descriptor);
    }

    private static int QuoteCount(string text) => text.Count(c => c is '\'' or '"');

    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);

    /// <summary>
    /// Splits leading <c>--flag</c> words off an instruction's arguments, quotes and backslashes
    /// processed. Only <c>--flag=value</c> carries a value: <c>--from builder</c> is a flag without one.
    /// </summary>
    private static (string Remainder, List<string> Flags) ExtractBuilderFlags(string line)
    {
        const int inSpaces = 0, inWord = 1, inQuote = 2;
        var words = new List<string>();
        var phase = inSpaces;
        var word = new StringBuilder();
        var quote = '\0';
        var blankOk = false;

        for (var pos = 0; pos <= line.Length; pos++)
        {
            var ch = pos != line.Length ? line[pos] : '\0';
            if (phase == inSpaces)
            {
                if (pos == line.Length)
                {
                    break;
                }
                if (char.IsWhiteSpace(ch))
                {
                    continue;
                }
                if (ch != '-' || pos + 1 == line.Length || line[pos + 1] != '-')
                {
                    return (line[pos..], words);
                }
                phase = inWord;
            }
            if ((phase == inWord || phase == inQuote) && pos == line.Length)
            {
                if (word.ToString() != "--" && (blankOk || word.Length > 0))
                {
                    words.Add(word.ToString());
                }
                break;
            }
            if (phase == inWord)
            {
                if (char.IsWhiteSpace(ch))
                {
                    phase = inSpaces;
                    if (word.ToString() == "--")
                    {
                        return (line[pos..], words);
                    }
                    if (blankOk || word.Length > 0)
                    {
                        words.Add(word.ToString());
                    }
                    word.Clear();
                    blankOk = false;
                    continue;
                }
                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                    continue;
                }
                if (ch == '\\')
                {
                    if (pos + 1 == line.Length)
                    {
                        continue;
                    }
                    ch = line[++pos];
                }
                word.Append(ch);
                continue;
            }
            if (ch == quote)
            {
                phase = inWord;
                continue;
            }
            if (ch == '\\')
            {
                if (pos + 1 == line.Length)
                {
                    phase = inWord;
                    continue;
                }
                ch = line[++pos];
            }
            word.Append(ch);
        }
        return ("", words);
    }

    /// <summary>
    /// Splits on unquoted whitespace, keeping quotes and escapes in the words (ARG, ENV and LABEL
    /// values are unquoted later, when they are expanded).
    /// </summary>
    internal static List<string> ParseWords(string rest, char escape)
    {
        const int inSpaces = 0, inWord = 1, inQuote = 2;
        var words = new List<string>();
        var phase = inSpaces;
        var word = new StringBuilder();
        var quote = '\0';
        var blankOk = false;

        for (var pos = 0; pos <= rest.Length; pos++)
        {
            var ch = pos != rest.Length ? rest[pos] : '\0';
            if (phase == inSpaces)
            {
                if (pos == rest.Length)
                {
                    break;
                }
                if (char.IsWhiteSpace(ch))
                {
                    continue;
                }
                phase = inWord;
            }
            if ((phase == inWord || phase == inQuote) && pos == rest.Length)
            {
                if (blankOk || word.Length > 0)
                {
                    words.Add(word.ToString());
                }
                break;
            }
            if (phase == inWord)
            {
                if (char.IsWhiteSpace(ch))
                {
                    phase = inSpaces;
                    if (blankOk || word.Length > 0)
                    {
                        words.Add(word.ToString());
                    }
                    word.Clear();
                    blankOk = false;
                    continue;
                }
                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                }
                if (ch == escape)
                {
                    if (pos + 1 == rest.Length)
                    {
                        continue;
                    }
                    // Unquoted, the escape token and the character it escapes both stay in the word.
                    word.Append(ch);
                    ch = rest[++pos];
                }
                word.Append(ch);
                continue;
            }
            if (ch == quote)
            {
                phase = inWord;
            }
            if (ch == escape && quote != '\'')
            {
                if (pos + 1 == rest.Length)
                {
                    phase = inWord;
                    continue;
                }
                word.Append(ch);
                ch = rest[++pos];
            }
            word.Append(ch);
        }
        return words;
    }

    private static ParsedArguments ParseNameValue(string rest, string keyword, char escape, string path, int line)
    {
        var words = ParseWords(rest, escape);
        if (words.Count == 0)
        {
            return new ParsedArguments([], false);
        }
        // The old form is KEY value; the new one KEY=value ... — whichever the first word shows.
        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            var parts = Whitespace().Split(rest, 2);
            if (parts.Length < 2)
            {
                throw Codes.DockerfileSyntax.Exception($"{keyword} must have two arguments.", path, line);
            }
            return new ParsedArguments([parts[0], parts[1]], false);
        }
        var values = new List<string>();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw Codes.DockerfileSyntax.Exception($"Syntax error - can't find = in \"{word}\". Must be of the form: name=value", path, line);
            }
            values.Add(word[..equals]);
            values.Add(word[(equals + 1)..]);
        }
        return new ParsedArguments(values, false);
    }

    private static ParsedArguments ParseWhitespaceDelimited(string rest) =>
        rest.Length == 0 ? new ParsedArguments([], false) : new ParsedArguments(Whitespace().Split(rest), false);

    private static ParsedArguments ParseString(string rest) =>
        rest.Length == 0 ? new ParsedArguments([], false) : new ParsedArguments([rest], false);

    private static ParsedArguments ParseMaybeJson(string rest, string path, int line)
    {
        if (rest.Length == 0)
        {
            return new ParsedArguments([], false);
        }
        return ParseJson(rest, path, line) ?? new ParsedArguments([rest], false);
    }

    private static ParsedArguments ParseMaybeJsonToList(string rest, string path, int line) =>
        ParseJson(rest, path, line) ?? ParseWhitespaceDelimited(rest);

    private static ParsedArguments ParseHealthcheck(string rest, string path, int line)
    {
        var separator = 0;
        while (separator < rest.Length && !char.IsWhiteSpace(rest[separator]))
        {
            separator++;
        }
        if (separator == 0)
        {
            return new ParsedArguments([], false);
        }
        var next = separator;
        while (next < rest.Length && char.IsWhiteSpace(rest[next]))
        {
            next++;
        }
        var command = ParseMaybeJson(rest[next..], path, line);
        return new ParsedArguments([rest[..separator], .. command.Values], command.IsJson);
    }

    /// <summary>
    /// The exec form: a JSON array of strings. Anything that is not valid JSON falls back to the shell
    /// form; valid JSON holding something other than strings is an error. Like Go's JSON decoder,
    /// text after the array is ignored.
    /// </summary>
    private static ParsedArguments? ParseJson(string rest, string path, int line)
    {
        rest = rest.TrimStart();
        if (!rest.StartsWith('['))
        {
            return null;
        }
        var values = new List<string>();
        var onlyStrings = true;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(rest), new JsonReaderOptions { MaxDepth = 10_000 });
            reader.Read();
            while (true)
            {
                if (!reader.Read())
                {
                    return null;
                }
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }
                if (reader.TokenType == JsonTokenType.String)
                {
                    values.Add(reader.GetString()!);
                    continue;
                }
                onlyStrings = false;
                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
        if (!onlyStrings)
        {
            throw Codes.DockerfileSyntax.Exception("When using JSON array syntax, arrays must be comprised of strings only.", path, line);
        }
        return new ParsedArguments(values, true);
    }

    private sealed record ParsedArguments(IReadOnlyList<string> Values, bool IsJson);

    /// <summary>The leading comment block's directives, and the escape token they set.</summary>
    private sealed class DirectiveState(string path)
    {
        private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "syntax", "escape", "check" };
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private bool _done;
        private Regex _continuation = ContinuationFor('\\');

        public char Escape { get; private set; } = '\\';

        public string? Syntax { get; private set; }

        public string? Check { get; private set; }

        /// <summary>
        /// Reads a directive from a line of the leading block; the first line that is not one (a blank
        /// line, an ordinary comment, an instruction, an unknown directive) ends the block.
        /// </summary>
        public void Consider(string line, int lineNumber)
        {
            if (_done)
            {
                return;
            }
            var match = Directive().Match(line);
            var key = match.Success ? match.Groups[1].Value.ToLowerInvariant() : "";
            if (!Known.Contains(key))
            {
                _done = true;
                return;
            }
            if (!_seen.Add(key))
            {
                throw Codes.DockerfileSyntax.Exception($"Only one {key} parser directive can be used.", path, lineNumber);
            }
            var value = match.Groups[2].Value;
            switch (key)
            {
                case "escape":
                    if (value is not ("`" or "\\"))
                    {
                        throw Codes.DockerfileSyntax.Exception($"Invalid escape token '{value}' does not match ` or \\.", path, lineNumber);
                    }
                    Escape = value[0];
                    _continuation = ContinuationFor(Escape);
                    break;
                case "syntax":
                    Syntax = value;
                    break;
                default:
                    Check = value;
                    break;
            }
        }

        /// <summary>Removes a trailing escape token; false when the line continues on the next one.</summary>
        public (string Line, bool EndOfLine) TrimContinuation(string line) =>
            _continuation.IsMatch(line) ? (_continuation.Replace(line, "$1"), false) : (line, true);

        private static Regex ContinuationFor(char escape)
        {
            // The escape token ends a line unless it is itself escaped; a lone token is a continuation too.
            var token = Regex.Escape(escape.ToString());
            return new Regex($"([^{token}]){token}[ \\t]*$|^{token}[ \\t]*$", RegexOptions.CultureInvariant);
        }
    }

    [GeneratedRegex(@"[\t\v\f\r ]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();

    [GeneratedRegex(@"^([0-9]*)<<(-?)([^<]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeredocMarker();
}
