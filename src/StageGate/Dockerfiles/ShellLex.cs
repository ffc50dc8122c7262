using System.Text;
using System.Text.RegularExpressions;

namespace StageGate.Dockerfiles;

/// <summary>
/// BuildKit's shell lexer (frontend/dockerfile/shell/lex.go): quote removal, escapes and variable
/// expansion with <c>${VAR:-x}</c>, <c>${VAR+x}</c>, <c>${VAR?x}</c>, <c>${VAR#p}</c>, <c>${VAR%p}</c>,
/// <c>${VAR/p/r}</c>. Ported rule for rule so FROM lines and heredoc markers expand exactly as docker's do.
/// </summary>
internal sealed class ShellLex(char escapeToken)
{
    private const int Eof = -1;

    private readonly char _escapeToken = escapeToken;

    /// <summary>Keeps quote characters in the result instead of removing them.</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keeps escape characters in the result instead of removing them.</summary>
    public bool RawEscapes { get; init; }

    /// <summary>Leaves references to unset variables as written instead of expanding them to nothing.</summary>
    public bool SkipUnsetEnv { get; init; }

    public ShellWord Process(string word, IReadOnlyDictionary<string, string> env)
    {
        var scanner = new Scanner(this, word, env);
        try
        {
            var (result, words) = scanner.ProcessStopOn(Eof, RawEscapes);
            return new ShellWord(result, words, null);
        }
        catch (LexException ex)
        {
            return new ShellWord("", [], $"failed to process \"{word}\": {ex.Message}");
        }
    }

    private sealed class LexException(string message) : Exception(message);

    private sealed class Scanner(ShellLex lex, string text, IReadOnlyDictionary<string, string> env)
    {
        private int _position;
        private bool _rawEscapes = lex.RawEscapes;

        private int Peek() => _position < text.Length ? text[_position] : Eof;

        private int Next() => _position < text.Length ? text[_position++] : Eof;

        public (string Result, List<string> Words) ProcessStopOn(int stopChar, bool rawEscapes)
        {
            var result = new StringBuilder();
            var words = new WordsBuilder();
            var previousRawEscapes = _rawEscapes;
            _rawEscapes = rawEscapes;
            try
            {
                while (Peek() != Eof)
                {
                    var ch = Peek();
                    if (stopChar != Eof && ch == stopChar)
                    {
                        Next();
                        return (result.ToString(), words.Finish());
                    }
                    if (ch == '$' || ch == '\'' || ch == '"')
                    {
                        var part = ch switch
                        {
                            '$' => ProcessDollar(),
                            '\'' => ProcessSingleQuote(),
                            _ => ProcessDoubleQuote(),
                        };
                        result.Append(part);
                        if (ch == '$')
                        {
                            words.AddString(part);
                        }
                        else
                        {
                            words.AddRawString(part);
                        }
                        continue;
                    }

                    ch = Next();
                    if (ch == lex._escapeToken)
                    {
                        if (_rawEscapes)
                        {
                            words.AddRawChar((char)ch);
                            result.Append((char)ch);
                        }
                        // The escape token escapes the next character, except at the end of the word.
                        ch = Next();
                        if (ch == Eof)
                        {
                            break;
                        }
                        words.AddRawChar((char)ch);
                    }
                    else
                    {
                        words.AddChar((char)ch);
                    }
                    result.Append((char)ch);
                }
                if (stopChar != Eof)
                {
                    throw new LexException($"unexpected end of statement while looking for matching {(char)stopChar}");
                }
                return (result.ToString(), words.Finish());
            }
            finally
            {
                _rawEscapes = previousRawEscapes;
            }
        }

        private string ProcessSingleQuote()
        {
            // Everything between single quotes is literal; a single quote cannot be escaped inside them.
            var result = new StringBuilder();
            var ch = Next();
            if (lex.RawQuotes)
            {
                result.Append((char)ch);
            }
            while (true)
            {
                ch = Next();
                if (ch == Eof)
                {
                    throw new LexException("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'')
                {
                    if (lex.RawQuotes)
                    {
                        result.Append((char)ch);
                    }
                    return result.ToString();
                }
                result.Append((char)ch);
            }
        }

        private string ProcessDoubleQuote()
        {
            // Inside double quotes only $ expands, and the escape token escapes only ", $ and itself.
            var result = new StringBuilder();
            var ch = Next();
            if (lex.RawQuotes)
            {
                result.Append((char)ch);
            }
            while (true)
            {
                switch (Peek())
                {
                    case Eof:
                        throw new LexException("unexpected end of statement while looking for matching double-quote");
                    case '"':
                        ch = Next();
                        if (lex.RawQuotes)
                        {
                            result.Append((char)ch);
                        }
                        return result.ToString();
                    case '$':
                        result.Append(ProcessDollar());
                        break;
                    default:
                        ch = Next();
                        if (ch == lex._escapeToken)
                        {
                            if (_rawEscapes)
                            {
                                result.Append((char)ch);
                            }
                            var next = Peek();
                            if (next == Eof)
                            {
                                continue;
                            }
                            if (next == '"' || next == '$' || next == lex._escapeToken)
                            {
                                ch = Next();
                            }
                        }
                        result.Append((char)ch);
                        break;
                }
            }
        }

        private string ProcessDollar()
        {
            Next();
            if (Peek() != '{')
            {
                var plainName = ProcessName();
                if (plainName.Length == 0)
                {
                    return "$";
                }
                var (plainValue, found) = GetEnv(plainName);
                return !found && lex.SkipUnsetEnv ? "$" + plainName : plainValue;
            }

            Next();
            switch (Peek())
            {
                case Eof:
                    throw new LexException("syntax error: missing '}'");
                case '{' or '}' or ':':
                    throw new LexException("syntax error: bad substitution");
            }

            var name = ProcessName();
            var ch = Next();
            if (ch == Eof)
            {
                throw new LexException("syntax error: missing '}'");
            }
            var modifier = ((char)ch).ToString();
            var nullIsUnset = false;
            switch (ch)
            {
                case '}':
                {
                    var (value, set) = GetEnv(name);
                    return !set && lex.SkipUnsetEnv ? "${" + name + "}" : value;
                }
                case ':':
                    nullIsUnset = true;
                    ch = Next();
                    if (ch == Eof)
                    {
                        throw new LexException("syntax error: missing '}'");
                    }
                    modifier += ((char)ch).ToString();
                    return Modify(name, ch, modifier, nullIsUnset);
                case '+' or '-' or '?' or '#' or '%':
                    return Modify(name, ch, modifier, nullIsUnset);
                case '/':
                    return Replace(name);
                default:
                    throw new LexException($"unsupported modifier ({modifier}) in substitution");
            }
        }

        private string Modify(string name, int ch, string modifier, bool nullIsUnset)
        {
            if (ch is not ('+' or '-' or '?' or '#' or '%'))
            {
                throw new LexException($"unsupported modifier ({modifier}) in substitution");
            }
            var patternMode = ch is '#' or '%';
            if (nullIsUnset && patternMode)
            {
                throw new LexException($"unsupported modifier ({modifier}) in substitution");
            }
            string word;
            try
            {
                word = ProcessStopOn('}', patternMode).Result;
            }
            catch (LexException) when (Peek() == Eof)
            {
                throw new LexException("syntax error: missing '}'");
            }

            var (value, set) = GetEnv(name);
            if (lex.SkipUnsetEnv && !set)
            {
                return "${" + name + modifier + word + "}";
            }

            switch (ch)
            {
                case '-':
                    return !set || (nullIsUnset && value.Length == 0) ? word : value;
                case '+':
                    return !set || (nullIsUnset && value.Length == 0) ? "" : word;
                case '?':
                    if (!set)
                    {
                        throw new LexException($"{name}: {(word.Length > 0 ? word : "is not allowed to be unset")}");
                    }
                    if (nullIsUnset && value.Length == 0)
                    {
                        throw new LexException($"{name}: {(word.Length > 0 ? word : "is not allowed to be empty")}");
                    }
                    return value;
                default:
                    // % and # match the shortest expansion of the pattern, %% and ## the longest.
                    var greedy = word.Length > 0 && word[0] == ch;
                    if (greedy)
                    {
                        word = word[1..];
                    }
                    return ch == '%' ? TrimSuffix(word, value, greedy) : TrimPrefix(word, value, greedy);
            }
        }

        private string Replace(string name)
        {
            var replaceAll = Peek() == '/';
            if (replaceAll)
            {
                Next();
            }
            string pattern;
            string replacement;
            try
            {
                pattern = ProcessStopOn('/', true).Result;
            }
            catch (LexException) when (Peek() == Eof)
            {
                throw new LexException("syntax error: missing '/' in ${}");
            }
            try
            {
                replacement = ProcessStopOn('}', true).Result;
            }
            catch (LexException) when (Peek() == Eof)
            {
                throw new LexException("syntax error: missing '}'");
            }

            var (value, set) = GetEnv(name);
            if (lex.SkipUnsetEnv && !set)
            {
                return "${" + name + "/" + pattern + "/" + replacement + "}";
            }
            var regex = ShellPattern(pattern, greedy: true, anchored: false);
            if (replaceAll)
            {
                return regex.Replace(value, replacement.Replace("$", "$$", StringComparison.Ordinal));
            }
            var match = regex.Match(value);
            return match.Success ? value[..match.Index] + replacement + value[(match.Index + match.Length)..] : value;
        }

        private string ProcessName()
        {
            // A name is letters, digits and '_'; a leading digit reads all digits, and a special
            // parameter ($@, $#, ...) is one character.
            var name = new StringBuilder();
            while (Peek() != Eof)
            {
                var ch = (char)Peek();
                if (name.Length == 0 && char.IsDigit(ch))
                {
                    while (Peek() != Eof && char.IsDigit((char)Peek()))
                    {
                        name.Append((char)Next());
                    }
                    return name.ToString();
                }
                if (name.Length == 0 && ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0')
                {
                    return ((char)Next()).ToString();
                }
                if (!char.IsLetter(ch) && !char.IsDigit(ch) && ch != '_')
                {
                    break;
                }
                name.Append((char)Next());
            }
            return name.ToString();
        }

        private (string Value, bool Set) GetEnv(string name) =>
            env.TryGetValue(name, out var value) ? (value, true) : ("", false);

        private static string TrimPrefix(string pattern, string value, bool greedy)
        {
            var match = ShellPattern(pattern, greedy, anchored: true).Match(value);
            return match.Success ? value[(match.Index + match.Length)..] : value;
        }

        private static string TrimSuffix(string pattern, string value, bool greedy)
        {
            // A regex cannot find the shortest rightmost match, so both sides are reversed and the
            // suffix is trimmed as a prefix, as BuildKit does.
            var trimmed = TrimPrefix(ReversePattern(pattern), Reverse(value), greedy);
            return Reverse(trimmed);
        }

        private static string Reverse(string text)
        {
            var chars = text.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }

        private static string ReversePattern(string pattern)
        {
            var output = new char[pattern.Length];
            var last = pattern.Length - 1;
            for (var i = 0; i <= last;)
            {
                var outIndex = last - i;
                if (pattern[i] == '\\' && i != last)
                {
                    // An escape stays in front of the character it escapes.
                    output[outIndex - 1] = '\\';
                    output[outIndex] = pattern[i + 1];
                    i += 2;
                }
                else
                {
                    output[outIndex] = pattern[i];
                    i++;
                }
            }
            return new string(output);
        }

        private static Regex ShellPattern(string pattern, bool greedy, bool anchored)
        {
            var regex = new StringBuilder(anchored ? "^" : "");
            for (var i = 0; i < pattern.Length; i++)
            {
                var ch = pattern[i];
                switch (ch)
                {
                    case '*':
                        regex.Append(greedy ? ".*" : ".*?");
                        continue;
                    case '?':
                        regex.Append('.');
                        continue;
                    case '\\':
                        if (i + 1 < pattern.Length && pattern[i + 1] is '}' or '/')
                        {
                            continue;
                        }
                        if (i + 1 >= pattern.Length || pattern[i + 1] is not ('*' or '?' or '\\'))
                        {
                            var escaped = i + 1 < pattern.Length ? pattern[i + 1].ToString() : "";
                            throw new LexException($"invalid pattern ({pattern}) in substitution: invalid escape '\\{escaped}'");
                        }
                        regex.Append('\\').Append(pattern[++i]);
                        continue;
                    case '[' or ']' or '{' or '}' or '.' or '+' or '(' or ')' or '|' or '^' or '$':
                        regex.Append('\\');
                        break;
                }
                regex.Append(ch);
            }
            return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>BuildKit's word splitter: unquoted whitespace ends a word, quoted text never does.</summary>
    private sealed class WordsBuilder
    {
        private readonly StringBuilder _word = new();
        private readonly List<string> _words = [];
        private bool _inWord;

        public void AddChar(char ch)
        {
            if (char.IsWhiteSpace(ch) && _inWord)
            {
                if (_word.Length != 0)
                {
                    _words.Add(_word.ToString());
                    _word.Clear();
                    _inWord = false;
                }
            }
            else if (!char.IsWhiteSpace(ch))
            {
                AddRawChar(ch);
            }
        }

        public void AddRawChar(char ch)
        {
            _word.Append(ch);
            _inWord = true;
        }

        public void AddString(string text)
        {
            foreach (var ch in text)
            {
                AddChar(ch);
            }
        }

        public void AddRawString(string text)
        {
            _word.Append(text);
            _inWord = true;
        }

        public List<string> Finish()
        {
            if (_word.Length > 0)
            {
                _words.Add(_word.ToString());
                _word.Clear();
                _inWord = false;
            }
            return _words;
        }
    }
}
