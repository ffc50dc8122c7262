using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

public class InstructionTests
{
    [Fact]
    public void Keywords_are_upper_cased_whatever_case_they_are_written_in()
    {
        var instructions = Instructions("""
            from busybox
            Run echo hi
            """);

        Assert.Equal(["FROM", "RUN"], instructions.Select(i => i.Keyword));
        Assert.Equal("Run echo hi", instructions[1].Text);
    }

    [Fact]
    public void A_JSON_array_is_the_exec_form()
    {
        var cmd = Instructions("""
            FROM busybox
            CMD ["echo", "hello world"]
            """)[1];

        Assert.True(cmd.IsJsonForm);
        Assert.Equal(["echo", "hello world"], cmd.Arguments);
    }

    [Fact]
    public void A_command_that_is_not_a_JSON_array_is_the_shell_form_kept_whole()
    {
        var run = Instructions("""
            FROM busybox
            RUN echo "hello   world" && ls
            """)[1];

        Assert.False(run.IsJsonForm);
        Assert.Equal(["echo \"hello   world\" && ls"], run.Arguments);
    }

    [Fact]
    public void Invalid_JSON_falls_back_to_the_shell_form()
    {
        var cmd = Instructions("""
            FROM busybox
            CMD [echo, hello]
            """)[1];

        Assert.False(cmd.IsJsonForm);
        Assert.Equal(["[echo, hello]"], cmd.Arguments);
    }

    [Fact]
    public void A_JSON_array_of_anything_but_strings_is_a_syntax_error()
    {
        var diagnostic = Fails("""
            FROM busybox
            CMD ["sleep", 10]
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void COPY_in_JSON_form_keeps_paths_with_spaces_whole()
    {
        var instructions = Instructions("""
            FROM busybox
            COPY ["my file.txt", "/app/"]
            COPY a.txt  b.txt /app/
            """);

        Assert.Equal(["my file.txt", "/app/"], instructions[1].Arguments);
        Assert.Equal(["a.txt", "b.txt", "/app/"], instructions[2].Arguments);
    }

    [Fact]
    public void Flags_are_kept_apart_from_the_arguments()
    {
        var copy = Instructions("""
            FROM busybox AS builder
            FROM busybox
            COPY --from=builder --chown="app user" --link /out /app
            """)[2];

        Assert.Equal(["--from=builder", "--chown=app user", "--link"], copy.Flags);
        Assert.Equal(["/out", "/app"], copy.Arguments);
    }

    [Fact]
    public void A_flag_value_separated_by_a_space_is_not_a_value()
    {
        var diagnostic = Fails("""
            FROM busybox AS builder
            FROM busybox
            COPY --from builder /out /app
            """);

        Assert.Equal(("SG1004", 3), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("--from=VALUE", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADD_has_no_from_flag()
    {
        var diagnostic = Fails("""
            FROM busybox AS builder
            FROM busybox
            ADD --from=builder /out /app
            """);

        Assert.Equal(("SG1004", 3), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("Unknown flag: --from", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_flag_suggests_the_flag_it_resembles()
    {
        var diagnostic = Fails("""
            FROM busybox
            COPY --form=builder /out /app
            """);

        Assert.Contains("(did you mean --from?)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_flag_takes_only_true_or_false()
    {
        var diagnostic = Fails("""
            FROM busybox
            COPY --link=maybe a /app
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_single_value_flag_given_twice_is_a_syntax_error_but_mount_repeats()
    {
        var diagnostic = Fails("""
            FROM busybox
            COPY --chown=a --chown=b x /app
            """);
        var run = Instructions("""
            FROM busybox
            RUN --mount=type=cache,target=/a --mount=type=cache,target=/b true
            """)[1];

        Assert.Equal("SG1004", diagnostic.Code);
        Assert.Equal(2, run.Flags.Count);
    }

    [Fact]
    public void An_unknown_instruction_is_a_syntax_error_that_suggests_the_nearest_keyword()
    {
        var diagnostic = Fails("""
            FROM busybox
            RUNN echo hi
            """);

        Assert.Equal(("SG1004", 2, DockerfilePath), (diagnostic.Code, diagnostic.Line, diagnostic.File));
        Assert.Contains("Unknown instruction: RUNN (did you mean RUN?)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instruction_other_than_ARG_before_the_first_FROM_is_a_syntax_error()
    {
        var diagnostic = Fails("""
            ARG VERSION=1
            RUN echo too early
            FROM busybox
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void COPY_needs_a_source_and_a_destination()
    {
        var diagnostic = Fails("""
            FROM busybox
            COPY /only-one
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void FROM_takes_an_image_and_optionally_AS_and_a_name()
    {
        var diagnostic = Fails("FROM busybox builder");

        Assert.Equal(("SG1004", 1), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void ENV_without_an_equals_sign_after_the_first_pair_is_a_syntax_error()
    {
        var diagnostic = Fails("""
            FROM busybox
            ENV A=1 B
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void SHELL_must_be_written_as_a_JSON_array()
    {
        var diagnostic = Fails("""
            FROM busybox
            SHELL bash -c
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void ONBUILD_keeps_the_instruction_it_registers()
    {
        var onbuild = Instructions("""
            FROM busybox
            ONBUILD COPY --chown=app . /app
            """)[1];

        Assert.Equal(("COPY", "--chown=app"), (onbuild.Trigger!.Keyword, onbuild.Trigger.Flags[0]));
        Assert.Equal(["COPY", ".", "/app"], onbuild.Arguments);
    }

    [Fact]
    public void ONBUILD_cannot_register_a_FROM()
    {
        var diagnostic = Fails("""
            FROM busybox
            ONBUILD FROM alpine
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void ARG_keeps_quotes_in_its_words_for_expansion_later()
    {
        var arg = Instructions("""
            FROM busybox
            ARG A="x y" B=2
            """)[1];

        Assert.Equal(["A=\"x y\"", "B=2"], arg.Arguments);
    }
}
