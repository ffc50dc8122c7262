using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

public class HeredocTests
{
    [Fact]
    public void A_RUN_heredoc_takes_its_body_and_ends_at_the_terminator_line()
    {
        var instructions = Instructions("""
            FROM busybox
            RUN <<EOF
            echo hello
            FROM not-an-instruction
            EOF
            CMD ["sh"]
            """);

        var run = instructions[1];
        Assert.Equal(("EOF", "echo hello\nFROM not-an-instruction\n"), (run.Heredocs[0].Name, run.Heredocs[0].Content));
        Assert.Equal((2, 5), (run.StartLine, run.EndLine));
        Assert.Equal(["FROM", "RUN", "CMD"], instructions.Select(i => i.Keyword));
    }

    [Fact]
    public void Several_heredocs_on_one_line_are_read_one_after_another()
    {
        var copy = Instructions("""
            FROM busybox
            COPY <<FILE1 <<FILE2 /dest/
            first
            FILE1
            second
            FILE2
            """)[1];

        Assert.Equal([("FILE1", "first\n"), ("FILE2", "second\n")], copy.Heredocs.Select(h => (h.Name, h.Content)));
        Assert.Equal(6, copy.EndLine);
    }

    [Fact]
    public void A_dash_heredoc_ends_at_a_tab_indented_terminator()
    {
        var run = Instructions("FROM busybox\nRUN <<-EOF\n\techo hi\n\tEOF\nCMD [\"sh\"]\n")[1];

        Assert.True(run.Heredocs[0].StripLeadingTabs);
        Assert.Equal(4, run.EndLine);
    }

    [Fact]
    public void A_plain_heredoc_does_not_end_at_a_tab_indented_terminator()
    {
        var diagnostic = Fails("FROM busybox\nRUN <<EOF\n\techo hi\n\tEOF\n");

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_quoted_terminator_keeps_the_body_literal()
    {
        var heredocs = Instructions("""
            FROM busybox
            RUN <<"EOF"
            echo $HOME
            EOF
            RUN <<'END'
            echo $HOME
            END
            RUN <<PLAIN
            echo $HOME
            PLAIN
            """).Skip(1).Select(i => i.Heredocs[0]).ToList();

        Assert.Equal([("EOF", false), ("END", false), ("PLAIN", true)], heredocs.Select(h => (h.Name, h.Expand)));
    }

    [Fact]
    public void A_heredoc_can_feed_a_command_named_after_it()
    {
        var run = Instructions("""
            FROM python:3.12
            RUN <<EOT bash
            set -e
            echo hi
            EOT
            """)[1];

        Assert.Equal(["<<EOT bash"], run.Arguments);
        Assert.Equal(("EOT", "set -e\necho hi\n"), (run.Heredocs[0].Name, run.Heredocs[0].Content));
    }

    [Fact]
    public void A_heredoc_after_flags_and_words_is_found()
    {
        var run = Instructions("""
            FROM busybox
            RUN --mount=type=cache,target=/cache cat <<EOF > /out.txt
            data
            EOF
            """)[1];

        Assert.Equal("EOF", run.Heredocs[0].Name);
        Assert.Equal(4, run.EndLine);
    }

    [Fact]
    public void Only_RUN_COPY_and_ADD_take_heredocs()
    {
        var instructions = Instructions("""
            FROM busybox
            LABEL note=<<EOF
            RUN echo still an instruction
            """);

        Assert.Empty(instructions[1].Heredocs);
        Assert.Equal(["FROM", "LABEL", "RUN"], instructions.Select(i => i.Keyword));
    }

    [Fact]
    public void The_exec_form_takes_no_heredoc()
    {
        var instructions = Instructions("""
            FROM busybox
            RUN ["sh", "-c", "cat <<EOF"]
            CMD ["sh"]
            """);

        Assert.Empty(instructions[1].Heredocs);
        Assert.Equal("CMD", instructions[2].Keyword);
    }

    [Fact]
    public void A_quoted_heredoc_marker_in_a_command_is_not_a_heredoc()
    {
        var instructions = Instructions("""
            FROM busybox
            RUN echo "<<EOF"
            CMD ["sh"]
            """);

        Assert.Empty(instructions[1].Heredocs);
        Assert.Equal("CMD", instructions[2].Keyword);
    }

    [Fact]
    public void An_ONBUILD_RUN_can_take_a_heredoc()
    {
        var onbuild = Instructions("""
            FROM busybox
            ONBUILD RUN <<EOF
            echo later
            EOF
            """)[1];

        Assert.Equal(("EOF", 4), (onbuild.Heredocs[0].Name, onbuild.EndLine));
    }

    [Fact]
    public void An_unterminated_heredoc_is_a_syntax_error_at_its_instruction()
    {
        var diagnostic = Fails("""
            FROM busybox
            RUN echo start
            COPY <<EOF /app/config
            key=value
            """);

        Assert.Equal(("SG1004", 3, DockerfilePath), (diagnostic.Code, diagnostic.Line, diagnostic.File));
        Assert.Contains("<<EOF", diagnostic.Message, StringComparison.Ordinal);
    }
}
