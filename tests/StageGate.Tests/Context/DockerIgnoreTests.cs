using StageGate.Context;
using StageGate.Diagnostics;

namespace StageGate.Tests.Context;

public class DockerIgnoreTests
{
    [Fact]
    public void A_later_pattern_wins_over_an_earlier_one()
    {
        var reincluded = DockerIgnore.Parse("*.md\n!README.md");
        var excludedAgain = DockerIgnore.Parse("!README.md\n*.md");

        Assert.False(reincluded.IsExcluded("README.md"));
        Assert.True(excludedAgain.IsExcluded("README.md"));
    }

    [Fact]
    public void An_exclamation_pattern_reincludes_a_file_inside_an_excluded_folder()
    {
        var ignore = DockerIgnore.Parse("docs\n!docs/keep.md");

        Assert.False(ignore.IsExcluded("docs/keep.md"));
        Assert.True(ignore.IsExcluded("docs/other.md"));
    }

    [Fact]
    public void A_pattern_that_matches_a_folder_excludes_everything_under_it()
    {
        var ignore = DockerIgnore.Parse("build");

        Assert.True(ignore.IsExcluded("build/bin/deep/app.dll"));
    }

    [Theory]
    [InlineData("foo", true)]
    [InlineData("a/foo", true)]
    [InlineData("a/b/foo", true)]
    [InlineData("a/b/foo/inside.txt", true)]
    [InlineData("a/foobar", false)]
    public void Double_star_slash_name_matches_the_name_at_any_depth(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse("**/foo").IsExcluded(path));

    [Theory]
    [InlineData("foo/x", true)]
    [InlineData("foo/a/b", true)]
    [InlineData("foo", false)]
    [InlineData("food/x", false)]
    public void Name_slash_double_star_matches_what_is_inside_the_name_but_not_the_name(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse("foo/**").IsExcluded(path));

    [Theory]
    [InlineData("a/b", true)]
    [InlineData("a/x/b", true)]
    [InlineData("a/x/y/b", true)]
    [InlineData("a/xb", false)]
    [InlineData("b", false)]
    public void A_double_star_between_names_matches_zero_or_more_folders(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse("a/**/b").IsExcluded(path));

    [Theory]
    [InlineData("app.log", true)]
    [InlineData("logs/app.log", false)]
    public void A_star_does_not_cross_a_slash(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse("*.log").IsExcluded(path));

    [Theory]
    [InlineData("abc", true)]
    [InlineData("ac", false)]
    [InlineData("abbc", false)]
    [InlineData("a/c", false)]
    public void A_question_mark_matches_one_character_but_not_a_slash(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse("a?c").IsExcluded(path));

    [Fact]
    public void A_leading_slash_and_surrounding_spaces_are_ignored()
    {
        var ignore = DockerIgnore.Parse("   /secrets/token.txt  \t");

        Assert.True(ignore.IsExcluded("secrets/token.txt"));
    }

    [Fact]
    public void Spaces_after_the_exclamation_mark_are_ignored()
    {
        var ignore = DockerIgnore.Parse("*.txt\n!   keep.txt");

        Assert.False(ignore.IsExcluded("keep.txt"));
    }

    [Fact]
    public void A_line_starting_with_a_hash_is_a_comment()
    {
        var ignore = DockerIgnore.Parse("#secret.txt\nother.txt");

        Assert.False(ignore.IsExcluded("#secret.txt"));
        Assert.False(ignore.IsExcluded("secret.txt"));
    }

    [Fact]
    public void A_hash_after_leading_spaces_is_a_pattern_as_in_docker()
    {
        var ignore = DockerIgnore.Parse("  #notes.txt");

        Assert.True(ignore.IsExcluded("#notes.txt"));
    }

    [Fact]
    public void A_pattern_is_cleaned_like_a_go_path()
    {
        var ignore = DockerIgnore.Parse("./tmp/../cache//data/");

        Assert.True(ignore.IsExcluded("cache/data/file.bin"));
    }

    [Fact]
    public void Windows_line_endings_do_not_end_up_in_patterns()
    {
        var ignore = DockerIgnore.Parse("first.txt\r\nsecond.txt\r\n");

        Assert.True(ignore.IsExcluded("first.txt"));
    }

    [Theory]
    [InlineData("file1.txt", true)]
    [InlineData("file9.txt", true)]
    [InlineData("filex.txt", false)]
    public void A_character_class_matches_one_character_of_its_range(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse("file[0-9].txt").IsExcluded(path));

    [Theory]
    [InlineData("xbc", true)]
    [InlineData("abc", false)]
    public void A_caret_negates_a_character_class(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse("[^a]bc").IsExcluded(path));

    [Theory]
    [InlineData("*.txt", true)]
    [InlineData("a.txt", false)]
    public void A_backslash_makes_a_wildcard_literal(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(@"\*.txt").IsExcluded(path));

    [Theory]
    [InlineData("[x]", true)]
    [InlineData("x", false)]
    public void Escaped_brackets_are_literal_brackets(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(@"\[x\]").IsExcluded(path));

    [Theory]
    [InlineData("ok.txt\nsrc/[abc", 2)]
    [InlineData("# comment\n\nfile\\", 3)]
    [InlineData("a\nb\nc\n!", 4)]
    [InlineData("[]", 1)]
    [InlineData("[z-a]", 1)]
    [InlineData("[a-]", 1)]
    public void A_malformed_pattern_is_reported_with_its_line(string text, int line)
    {
        var problem = DockerIgnore.Parse(text, "/ctx/.dockerignore").MalformedPattern;

        Assert.Equal((Codes.InvalidIgnorePattern.Code, line), (problem?.Code, problem?.Line));
    }

    [Fact]
    public void A_malformed_pattern_names_the_ignore_file()
    {
        var problem = DockerIgnore.Parse("[oops", "/ctx/app.Dockerfile.dockerignore").MalformedPattern!;

        Assert.Equal("/ctx/app.Dockerfile.dockerignore", problem.File);
        Assert.Contains("/ctx/app.Dockerfile.dockerignore", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_pattern_is_the_first_one_when_there_are_several()
    {
        Assert.Equal(2, DockerIgnore.Parse("ok\n[\n[z-a]").MalformedPattern?.Line);
    }

    [Fact]
    public void Parsing_a_malformed_pattern_keeps_the_patterns_that_compile()
    {
        var ignore = DockerIgnore.Parse("*.log\n[\n!keep.log");

        Assert.Equal((true, false), (ignore.IsExcluded("debug.log"), ignore.IsExcluded("keep.log")));
    }

    [Fact]
    public void Requiring_a_well_formed_ignore_file_throws_its_malformed_pattern()
    {
        var ignore = DockerIgnore.Parse("ok\n[", "/ctx/.dockerignore");

        var error = Assert.Throws<StageGateException>(() => ignore.RequireWellFormed());

        Assert.Same(ignore.MalformedPattern, error.Diagnostic);
    }

    [Fact]
    public void Requiring_a_well_formed_ignore_file_passes_one_without_malformed_patterns()
    {
        var ignore = DockerIgnore.Parse("*.log\n\\[x\\]");

        Assert.Same(ignore, ignore.RequireWellFormed());
    }

    [Fact]
    public void The_empty_ignore_excludes_nothing()
    {
        Assert.False(DockerIgnore.Empty.IsExcluded("anything/at/all"));
        Assert.Null(DockerIgnore.Empty.SourcePath);
    }

    [Fact]
    public void An_excluded_folder_is_skipped_when_no_exclamation_pattern_reaches_inside_it()
    {
        var ignore = DockerIgnore.Parse("node_modules\n!src/keep.js\n!nodes/x");

        Assert.False(ignore.CouldReincludeInside("node_modules/"));
    }

    [Theory]
    [InlineData("!node_modules/pkg/package.json")]
    [InlineData("!node_modules/**")]
    [InlineData("!node_modules/*/package.json")]
    [InlineData("!**/*.md")]
    [InlineData("!node_*/keep")]
    public void An_excluded_folder_is_walked_when_an_exclamation_pattern_could_reach_inside_it(string exception)
    {
        var ignore = DockerIgnore.Parse("node_modules\n" + exception);

        Assert.True(ignore.CouldReincludeInside("node_modules/"));
    }
}
