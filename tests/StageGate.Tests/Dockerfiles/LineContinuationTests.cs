using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

public class LineContinuationTests
{
    [Fact]
    public void Continued_lines_are_one_instruction_spanning_all_their_lines()
    {
        var run = Instructions("""
            FROM busybox
            RUN apt-get update && \
                apt-get install -y curl
            """)[1];

        Assert.Equal("RUN apt-get update &&     apt-get install -y curl", run.Text);
        Assert.Equal((2, 3), (run.StartLine, run.EndLine));
    }

    [Fact]
    public void Comment_lines_inside_a_continuation_are_dropped()
    {
        var run = Instructions("""
            FROM busybox
            RUN apt-get update && \
            # install curl
                apt-get install -y curl \
                # and jq
                jq
            """)[1];

        Assert.Equal("RUN apt-get update &&     apt-get install -y curl     jq", run.Text);
        Assert.Equal((2, 6), (run.StartLine, run.EndLine));
    }

    [Fact]
    public void Empty_lines_inside_a_continuation_are_skipped_and_the_instruction_goes_on()
    {
        var instructions = Instructions("""
            FROM busybox
            RUN echo a \

                b
            CMD ["sh"]
            """);

        Assert.Equal("RUN echo a     b", instructions[1].Text);
        Assert.Equal((2, 4), (instructions[1].StartLine, instructions[1].EndLine));
        Assert.Equal(5, instructions[2].StartLine);
    }

    [Fact]
    public void Whitespace_after_the_trailing_backslash_still_continues_the_line()
    {
        var run = Instructions("FROM busybox\nRUN echo a \\  \t\n  b\n")[1];

        Assert.Equal("RUN echo a   b", run.Text);
    }

    [Fact]
    public void An_escaped_backslash_at_the_end_of_a_line_does_not_continue_it()
    {
        var instructions = Instructions("""
            FROM busybox
            RUN echo c:\\
            CMD ["sh"]
            """);

        Assert.Equal(["FROM", "RUN", "CMD"], instructions.Select(i => i.Keyword));
    }

    [Fact]
    public void A_continuation_at_the_end_of_the_file_ends_the_instruction()
    {
        var run = Instructions("FROM busybox\nRUN echo a \\")[1];

        Assert.Equal(("RUN echo a", 2, 2), (run.Text, run.StartLine, run.EndLine));
    }

    [Fact]
    public void Windows_line_endings_count_lines_like_unix_ones()
    {
        var instructions = Instructions("FROM busybox\r\nRUN echo a \\\r\n  b\r\nCMD [\"sh\"]\r\n");

        Assert.Equal("RUN echo a   b", instructions[1].Text);
        Assert.Equal((2, 3, 4), (instructions[1].StartLine, instructions[1].EndLine, instructions[2].StartLine));
    }

    [Fact]
    public void A_byte_order_mark_before_the_first_line_is_ignored()
    {
        var dockerfile = Parse("\uFEFF# escape=`\nFROM busybox\n");

        Assert.Equal('`', dockerfile.Directives.Escape);
    }

    [Fact]
    public void Comments_and_blank_lines_between_instructions_keep_line_numbers_true()
    {
        var instructions = Instructions("""
            # a comment

                # an indented comment
            FROM busybox

            RUN echo # not a comment here
            """);

        Assert.Equal([4, 6], instructions.Select(i => i.StartLine));
        Assert.Equal("RUN echo # not a comment here", instructions[1].Text);
    }
}
