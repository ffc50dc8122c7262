using StageGate.Dockerfiles;

namespace StageGate.Tests.Dockerfiles;

public class ShellLexTests
{
    private static readonly Dictionary<string, string> Env = new(StringComparer.Ordinal)
    {
        ["NAME"] = "world",
        ["EMPTY"] = "",
        ["PATH_LIKE"] = "/usr/local/bin:/usr/bin",
    };

    private static string Expand(string word, char escape = '\\') => new ShellLex(escape).Process(word, Env).Result;

    [Fact]
    public void Single_quotes_keep_everything_literal()
    {
        Assert.Equal("$NAME \\n", Expand("'$NAME \\n'"));
    }

    [Fact]
    public void Double_quotes_expand_variables_and_escape_only_quote_dollar_and_backslash()
    {
        Assert.Equal("hello world \\n \" $", Expand("\"hello $NAME \\n \\\" \\$\""));
    }

    [Fact]
    public void An_unquoted_escape_drops_itself_and_keeps_the_next_character()
    {
        Assert.Equal("anb $NAME", Expand("a\\nb \\$NAME"));
    }

    [Fact]
    public void With_the_backtick_escape_a_backslash_is_an_ordinary_character()
    {
        Assert.Equal("c:\\world", Expand("c:\\$NAME", '`'));
    }

    [Fact]
    public void A_dollar_before_something_that_is_not_a_name_stays_literal()
    {
        Assert.Equal("cost: $ 5", Expand("cost: $ 5"));
    }

    [Fact]
    public void Replacement_modifiers_replace_the_first_or_every_match()
    {
        Assert.Equal("/usr/local/sbin:/usr/bin", Expand("${PATH_LIKE/bin/sbin}"));
        Assert.Equal("/usr/local/sbin:/usr/sbin", Expand("${PATH_LIKE//bin/sbin}"));
    }

    [Fact]
    public void Words_split_on_unquoted_whitespace_only()
    {
        var words = new ShellLex('\\').Process("a \"b c\" 'd e' f\\ g", Env).Words;

        Assert.Equal(["a", "b c", "d e", "f g"], words);
    }

    [Fact]
    public void Raw_quotes_and_skipped_unset_variables_keep_a_word_as_written()
    {
        var lex = new ShellLex('\\') { RawQuotes = true, SkipUnsetEnv = true };

        Assert.Equal(["\"<<EOF\"", "$UNSET", "${UNSET:-x}"], lex.Process("\"<<EOF\" $UNSET ${UNSET:-x}", Env).Words);
    }

    [Fact]
    public void An_unterminated_quote_is_an_error()
    {
        var result = new ShellLex('\\').Process("'open", Env);

        Assert.True(result.Failed);
        Assert.Contains("single-quote", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_modifier_is_an_error()
    {
        var result = new ShellLex('\\').Process("${NAME:0:2}", Env);

        Assert.Contains("unsupported modifier (:0) in substitution", result.Error, StringComparison.Ordinal);
    }
}
