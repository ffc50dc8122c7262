using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

public class ParserDirectiveTests
{
    [Fact]
    public void Syntax_escape_and_check_directives_are_read_from_the_leading_comment_block()
    {
        var dockerfile = Parse("""
            # syntax=docker/dockerfile:1.7
            # escape=`
            # check=skip=JSONArgsRecommended
            FROM busybox
            """);

        Assert.Equal(new('`', "docker/dockerfile:1.7", "skip=JSONArgsRecommended"), dockerfile.Directives);
    }

    [Fact]
    public void Directive_keys_ignore_case_and_spaces_around_the_equals_sign()
    {
        var dockerfile = Parse("""
            #  ESCAPE = `
            FROM busybox
            """);

        Assert.Equal('`', dockerfile.Directives.Escape);
    }

    [Fact]
    public void A_directive_after_an_ordinary_comment_is_only_a_comment()
    {
        var dockerfile = Parse("""
            # build the app
            # escape=`
            FROM busybox
            """);

        Assert.Equal('\\', dockerfile.Directives.Escape);
    }

    [Fact]
    public void A_blank_line_ends_the_directive_block()
    {
        var dockerfile = Parse("""
            # syntax=docker/dockerfile:1

            # escape=`
            FROM busybox
            """);

        Assert.Equal(new('\\', "docker/dockerfile:1", null), dockerfile.Directives);
    }

    [Fact]
    public void A_directive_after_the_first_instruction_is_only_a_comment()
    {
        var dockerfile = Parse("""
            FROM busybox
            # escape=`
            RUN echo a \
                b
            """);

        Assert.Equal('\\', dockerfile.Directives.Escape);
        Assert.Equal(2, dockerfile.Stages[0].Instructions.Count);
    }

    [Fact]
    public void An_unknown_directive_ends_the_directive_block()
    {
        var dockerfile = Parse("""
            # foo=bar
            # escape=`
            FROM busybox
            """);

        Assert.Equal('\\', dockerfile.Directives.Escape);
    }

    [Fact]
    public void Repeating_a_directive_is_a_syntax_error_on_the_repeated_line()
    {
        var diagnostic = Fails("""
            # escape=\
            # escape=`
            FROM busybox
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void An_escape_token_other_than_backslash_or_backtick_is_a_syntax_error()
    {
        var diagnostic = Fails("""
            # escape=|
            FROM busybox
            """);

        Assert.Equal(("SG1004", 1), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void The_backtick_escape_makes_backslashes_literal_in_Windows_Dockerfiles()
    {
        var instructions = Instructions("""
            # escape=`
            FROM mcr.microsoft.com/windows/servercore:ltsc2022
            COPY testfile.txt c:\
            RUN powershell -Command `
                Write-Host done
            """);

        Assert.Equal(["FROM", "COPY", "RUN"], instructions.Select(i => i.Keyword));
        Assert.Equal(["testfile.txt", @"c:\"], instructions[1].Arguments);
        Assert.Equal((4, 5), (instructions[2].StartLine, instructions[2].EndLine));
    }

    [Fact]
    public void Without_the_backtick_escape_a_trailing_backslash_continues_the_line()
    {
        var instructions = Instructions("""
            FROM mcr.microsoft.com/windows/servercore:ltsc2022
            COPY testfile.txt c:\
            RUN dir c:\
            """);

        Assert.Equal(["FROM", "COPY"], instructions.Select(i => i.Keyword));
        Assert.Equal(["testfile.txt", "c:RUN", "dir", "c:"], instructions[1].Arguments);
    }
}
