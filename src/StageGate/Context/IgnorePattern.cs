using System.Text;

namespace StageGate.Context;

/// <summary>
/// One cleaned <c>.dockerignore</c> pattern, matched like moby/patternmatcher: an exact, prefix
/// (<c>foo/**</c>) or suffix (<c>**/foo</c>) comparison when the pattern allows it, otherwise a glob
/// equivalent to the regular expression patternmatcher builds (<c>*</c> and <c>?</c> stop at <c>/</c>,
/// <c>**</c> spans directories, <c>[...]</c> classes, <c>\</c> escapes).
/// </summary>
internal sealed class IgnorePattern
{
    private readonly PatternKind _kind;
    // The cleaned pattern without its leading '!'.
    private readonly string _text;
    private readonly Token[] _tokens;

    private IgnorePattern(string text, bool isExclusion, PatternKind kind, Token[] tokens)
    {
        _text = text;
        IsExclusion = isExclusion;
        _kind = kind;
        _tokens = tokens;
    }

    /// <summary>A <c>!</c> pattern: it re-includes what earlier patterns excluded.</summary>
    public bool IsExclusion { get; }

    private enum PatternKind
    {
        Exact,
        Prefix,
        Suffix,
        Glob,
    }

    private enum TokenKind
    {
        Literal,
        AnyChar,
        Star,
        Class,
        AnyDirectories,
        AnyRest,
    }

    /// <summary>One step of a glob; <see cref="Literal"/> holds a run of plain characters.</summary>
    private sealed record Token(TokenKind Kind, string Literal = "", bool Negated = false, (int Low, int High)[]? Ranges = null);

    /// <summary>
    /// Compiles a pattern as patternmatcher.New does (trim, <c>filepath.Clean</c>, leading <c>!</c>);
    /// returns null with a reason when Go's <c>filepath.Match</c> would reject it.
    /// </summary>
    public static IgnorePattern? Compile(string pattern, out string? error)
    {
        error = null;
        var p = Clean(pattern.Trim());
        var isExclusion = false;
        if (p[0] == '!')
        {
            if (p.Length == 1)
            {
                error = "a lone '!' re-includes nothing";
                return null;
            }
            isExclusion = true;
            p = p[1..];
        }

        error = Validate(p);
        if (error is not null)
        {
            return null;
        }

        var (kind, tokens) = Translate(p);
        return new IgnorePattern(p, isExclusion, kind, tokens);
    }

    /// <summary>Whether the pattern matches this <c>/</c>-separated path relative to the context.</summary>
    public bool Matches(ReadOnlySpan<char> path) => _kind switch
    {
        PatternKind.Exact => path.SequenceEqual(_text),
        PatternKind.Prefix => path.StartsWith(_text.AsSpan(0, _text.Length - 2), StringComparison.Ordinal),
        PatternKind.Suffix => MatchesSuffix(path),
        _ => MatchGlob(0, path),
    };

    /// <summary>
    /// Whether some path inside <paramref name="directoryWithSlash"/> (which ends in <c>/</c>) could
    /// match. Conservative: true when unsure, so pruning on "false" never hides a file Docker sends.
    /// </summary>
    public bool CouldMatchInside(string directoryWithSlash) => _kind switch
    {
        PatternKind.Exact => _text.StartsWith(directoryWithSlash, StringComparison.Ordinal),
        PatternKind.Prefix => PrefixCouldMatchInside(directoryWithSlash),
        PatternKind.Suffix => true,
        _ => GlobCouldStartWith(0, directoryWithSlash),
    };

    public override string ToString() => (IsExclusion ? "!" : "") + _text;

    /// <summary>Go's <c>filepath.Clean</c> with <c>/</c> as the separator.</summary>
    internal static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var n = path.Length;
        var output = new StringBuilder(n);
        int read = 0, dotdot = 0;
        if (rooted)
        {
            output.Append('/');
            read = 1;
            dotdot = 1;
        }

        while (read < n)
        {
            if (path[read] == '/')
            {
                read++;
            }
            else if (path[read] == '.' && (read + 1 == n || path[read + 1] == '/'))
            {
                read++;
            }
            else if (path[read] == '.' && path[read + 1] == '.' && (read + 2 == n || path[read + 2] == '/'))
            {
                read += 2;
                if (output.Length > dotdot)
                {
                    var w = output.Length - 1;
                    while (w > dotdot && output[w] != '/')
                    {
                        w--;
                    }
                    output.Length = w;
                }
                else if (!rooted)
                {
                    if (output.Length > 0)
                    {
                        output.Append('/');
                    }
                    output.Append("..");
                    dotdot = output.Length;
                }
            }
            else
            {
                if ((rooted && output.Length != 1) || (!rooted && output.Length != 0))
                {
                    output.Append('/');
                }
                while (read < n && path[read] != '/')
                {
                    output.Append(path[read]);
                    read++;
                }
            }
        }

        return output.Length == 0 ? "." : output.ToString();
    }

    /// <summary>
    /// The syntax check patternmatcher delegates to Go's <c>filepath.Match</c> (Unix rules), plus the
    /// out-of-order range that Go's regexp rejects when the pattern is first used.
    /// </summary>
    private static string? Validate(string p)
    {
        for (var i = 0; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '\\':
                    if (i + 1 == p.Length)
                    {
                        return "a trailing '\\' escapes nothing";
                    }
                    i++;
                    break;
                case '[':
                    var error = ValidateClass(p, ref i);
                    if (error is not null)
                    {
                        return error;
                    }
                    break;
            }
        }
        return null;
    }

    /// <summary>Checks the class opening at <paramref name="i"/>; leaves <paramref name="i"/> on its <c>]</c>.</summary>
    private static string? ValidateClass(string p, ref int i)
    {
        i++;
        if (i < p.Length && p[i] == '^')
        {
            i++;
        }
        var ranges = 0;
        while (true)
        {
            if (i < p.Length && p[i] == ']' && ranges > 0)
            {
                return null;
            }
            var error = ReadClassChar(p, ref i, out var low);
            if (error is not null)
            {
                return error;
            }
            var high = low;
            if (p[i] == '-')
            {
                i++;
                error = ReadClassChar(p, ref i, out high);
                if (error is not null)
                {
                    return error;
                }
                if (high < low)
                {
                    return $"the range '{char.ConvertFromUtf32(low)}-{char.ConvertFromUtf32(high)}' is out of order";
                }
            }
            ranges++;
        }
    }

    /// <summary>Go's <c>getEsc</c>: one (possibly escaped) class character; something must follow it.</summary>
    private static string? ReadClassChar(string p, ref int i, out int codePoint)
    {
        codePoint = 0;
        if (i >= p.Length)
        {
            return "unclosed '['";
        }
        if (p[i] == '-' || p[i] == ']')
        {
            return p[i] == ']' ? "an empty character class" : "'-' cannot start a range";
        }
        if (p[i] == '\\')
        {
            i++;
            if (i >= p.Length)
            {
                return "unclosed '['";
            }
        }
        codePoint = ReadCodePoint(p, ref i);
        return i >= p.Length ? "unclosed '['" : null;
    }

    private static int ReadCodePoint(ReadOnlySpan<char> s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var codePoint = char.ConvertToUtf32(s[i], s[i + 1]);
            i += 2;
            return codePoint;
        }
        return s[i++];
    }

    /// <summary>
    /// patternmatcher's <c>compile</c>: decides exact/prefix/suffix/regexp the same way, and turns the
    /// regexp case into tokens. Its regexp would give <c>\d</c> or <c>^</c> their regexp meaning; here
    /// they stay literal, as the documented glob syntax says.
    /// </summary>
    private static (PatternKind Kind, Token[] Tokens) Translate(string p)
    {
        var kind = PatternKind.Exact;
        var tokens = new List<Token>();
        var literal = new StringBuilder();

        void Add(Token token)
        {
            if (literal.Length > 0)
            {
                tokens.Add(new Token(TokenKind.Literal, literal.ToString()));
                literal.Clear();
            }
            tokens.Add(token);
        }

        var i = 0;
        for (var step = 0; i < p.Length; step++)
        {
            var ch = p[i++];
            if (ch == '*')
            {
                if (i < p.Length && p[i] == '*')
                {
                    i++;
                    if (i < p.Length && p[i] == '/')
                    {
                        i++;
                    }
                    if (i == p.Length)
                    {
                        if (kind == PatternKind.Exact)
                        {
                            kind = PatternKind.Prefix;
                        }
                        else
                        {
                            Add(new Token(TokenKind.AnyRest));
                            kind = PatternKind.Glob;
                        }
                    }
                    else
                    {
                        Add(new Token(TokenKind.AnyDirectories));
                        kind = PatternKind.Glob;
                    }
                    if (step == 0)
                    {
                        kind = PatternKind.Suffix;
                    }
                }
                else
                {
                    Add(new Token(TokenKind.Star));
                    kind = PatternKind.Glob;
                }
            }
            else if (ch == '?')
            {
                Add(new Token(TokenKind.AnyChar));
                kind = PatternKind.Glob;
            }
            else if (ch == '\\')
            {
                // Validate() guarantees a character follows.
                literal.Append(p[i++]);
                kind = PatternKind.Glob;
            }
            else if (ch == '[')
            {
                Add(ReadClass(p, ref i));
                kind = PatternKind.Glob;
            }
            else if (ch == ']')
            {
                // A stray ']' is a literal in Go's regexp too, but still forces the regexp path.
                literal.Append(ch);
                kind = PatternKind.Glob;
            }
            else
            {
                literal.Append(ch);
            }
        }
        if (literal.Length > 0)
        {
            tokens.Add(new Token(TokenKind.Literal, literal.ToString()));
        }
        return (kind, tokens.ToArray());
    }

    private static Token ReadClass(string p, ref int i)
    {
        var negated = false;
        if (p[i] == '^')
        {
            negated = true;
            i++;
        }
        var ranges = new List<(int, int)>();
        while (!(p[i] == ']' && ranges.Count > 0))
        {
            if (p[i] == '\\')
            {
                i++;
            }
            var low = ReadCodePoint(p, ref i);
            var high = low;
            if (p[i] == '-')
            {
                i++;
                if (p[i] == '\\')
                {
                    i++;
                }
                high = ReadCodePoint(p, ref i);
            }
            ranges.Add((low, high));
        }
        i++;
        return new Token(TokenKind.Class, Negated: negated, Ranges: ranges.ToArray());
    }

    private bool MatchesSuffix(ReadOnlySpan<char> path)
    {
        var suffix = _text.AsSpan(2);
        if (path.EndsWith(suffix, StringComparison.Ordinal))
        {
            return true;
        }
        // "**/foo" also matches "foo" at the top of the context.
        return suffix.Length > 0 && suffix[0] == '/' && path.SequenceEqual(suffix[1..]);
    }

    private bool PrefixCouldMatchInside(string directoryWithSlash)
    {
        var prefix = _text.AsSpan(0, _text.Length - 2);
        return prefix.StartsWith(directoryWithSlash, StringComparison.Ordinal)
            || directoryWithSlash.AsSpan().StartsWith(prefix, StringComparison.Ordinal);
    }

    private bool MatchGlob(int t, ReadOnlySpan<char> s)
    {
        for (; t < _tokens.Length; t++)
        {
            var token = _tokens[t];
            switch (token.Kind)
            {
                case TokenKind.Literal:
                    if (!s.StartsWith(token.Literal, StringComparison.Ordinal))
                    {
                        return false;
                    }
                    s = s[token.Literal.Length..];
                    break;
                case TokenKind.AnyChar:
                    if (s.IsEmpty || s[0] == '/')
                    {
                        return false;
                    }
                    s = SkipCodePoint(s);
                    break;
                case TokenKind.Class:
                    if (s.IsEmpty || !ClassContains(token, s))
                    {
                        return false;
                    }
                    s = SkipCodePoint(s);
                    break;
                case TokenKind.Star:
                    if (t == _tokens.Length - 1)
                    {
                        return !s.Contains('/');
                    }
                    for (var k = 0; ; k++)
                    {
                        if (MatchGlob(t + 1, s[k..]))
                        {
                            return true;
                        }
                        if (k == s.Length || s[k] == '/')
                        {
                            return false;
                        }
                    }
                case TokenKind.AnyDirectories:
                    // Go's "(.*/)?": nothing, or anything up to and including a '/', never a newline.
                    if (MatchGlob(t + 1, s))
                    {
                        return true;
                    }
                    for (var k = 0; k < s.Length && s[k] != '\n'; k++)
                    {
                        if (s[k] == '/' && MatchGlob(t + 1, s[(k + 1)..]))
                        {
                            return true;
                        }
                    }
                    return false;
                case TokenKind.AnyRest:
                    return !s.Contains('\n');
            }
        }
        return s.IsEmpty;
    }

    /// <summary>Like <see cref="MatchGlob"/>, but succeeds as soon as <paramref name="s"/> is used up.</summary>
    private bool GlobCouldStartWith(int t, ReadOnlySpan<char> s)
    {
        for (; t < _tokens.Length; t++)
        {
            if (s.IsEmpty)
            {
                return true;
            }
            var token = _tokens[t];
            switch (token.Kind)
            {
                case TokenKind.Literal:
                    var common = Math.Min(s.Length, token.Literal.Length);
                    if (!s[..common].SequenceEqual(token.Literal.AsSpan(0, common)))
                    {
                        return false;
                    }
                    s = s[common..];
                    break;
                case TokenKind.AnyChar:
                    if (s[0] == '/')
                    {
                        return false;
                    }
                    s = SkipCodePoint(s);
                    break;
                case TokenKind.Class:
                    if (!ClassContains(token, s))
                    {
                        return false;
                    }
                    s = SkipCodePoint(s);
                    break;
                case TokenKind.Star:
                    for (var k = 0; ; k++)
                    {
                        if (GlobCouldStartWith(t + 1, s[k..]))
                        {
                            return true;
                        }
                        if (k == s.Length || s[k] == '/')
                        {
                            return false;
                        }
                    }
                case TokenKind.AnyDirectories:
                case TokenKind.AnyRest:
                    return true;
            }
        }
        return s.IsEmpty;
    }

    private static bool ClassContains(Token token, ReadOnlySpan<char> s)
    {
        var i = 0;
        var codePoint = ReadCodePoint(s, ref i);
        var inRange = false;
        foreach (var (low, high) in token.Ranges!)
        {
            if (low <= codePoint && codePoint <= high)
            {
                inRange = true;
                break;
            }
        }
        return inRange != token.Negated;
    }

    private static ReadOnlySpan<char> SkipCodePoint(ReadOnlySpan<char> s)
    {
        var i = 0;
        ReadCodePoint(s, ref i);
        return s[i..];
    }
}
