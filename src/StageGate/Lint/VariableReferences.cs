namespace StageGate.Lint;

/// <summary>The variables a Dockerfile word refers to (<c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>), escapes honoured.</summary>
internal static class VariableReferences
{
    /// <summary>Each variable name in <paramref name="word"/>, in order, those inside a default value included.</summary>
    public static IReadOnlyList<string> In(string word, char escape)
    {
        var names = new List<string>();
        var quotedSingle = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == escape && !quotedSingle)
            {
                i++;
                continue;
            }
            if (c == '\'')
            {
                // BuildKit does not expand inside single quotes.
                quotedSingle = !quotedSingle;
                continue;
            }
            if (c != '$' || quotedSingle || i + 1 >= word.Length)
            {
                continue;
            }
            var start = word[i + 1] == '{' ? i + 2 : i + 1;
            var end = start;
            while (end < word.Length && (char.IsAsciiLetterOrDigit(word[end]) || word[end] == '_'))
            {
                end++;
            }
            if (end > start && !char.IsAsciiDigit(word[start]))
            {
                names.Add(word[start..end]);
            }
            i = end - 1;
        }
        return names;
    }

    /// <summary>True when <paramref name="word"/> refers to no variable at all.</summary>
    public static bool IsConstant(string word, char escape) => In(word, escape).Count == 0;
}
