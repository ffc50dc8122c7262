using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

/// <summary>
/// BuildKit names its progress vertices <c>[stage n/m] INSTRUCTION</c>; these tests pin the numbering
/// seen from this machine's buildx (the Buildx fixtures record it).
/// </summary>
public class StepMappingTests
{
    private const string Fixture = """
        FROM busybox AS builder
        RUN echo hello > /out.txt
        FROM builder AS test
        RUN echo "running tests"; echo "FAIL: thing" >&2; exit 3
        FROM busybox AS final
        COPY --from=builder /out.txt /out.txt
        """;

    [Fact]
    public void A_FROM_of_an_image_is_step_1()
    {
        var dockerfile = Parse(Fixture);
        var builder = dockerfile.Stages[0];

        Assert.Equal(("FROM", 1), (dockerfile.InstructionForStep(builder, 1)!.Keyword, dockerfile.InstructionForStep(builder, 1)!.StartLine));
        Assert.Equal(2, dockerfile.InstructionForStep(builder, 2)!.StartLine);
    }

    [Fact]
    public void A_FROM_of_an_earlier_stage_is_not_a_step()
    {
        var dockerfile = Parse(Fixture);

        Assert.Equal(4, dockerfile.InstructionForStep(dockerfile.Stages[1], 1)!.StartLine);
        Assert.Null(dockerfile.InstructionForStep(dockerfile.Stages[1], 2));
    }

    [Fact]
    public void A_FROM_scratch_is_not_a_step()
    {
        var dockerfile = Parse("""
            FROM busybox AS build
            FROM scratch
            COPY --from=build /bin/busybox /busybox
            """);

        Assert.Equal("COPY", dockerfile.InstructionForStep(dockerfile.Stages[1], 1)!.Keyword);
    }

    [Fact]
    public void An_unnamed_stage_numbers_its_steps_the_same_way()
    {
        var dockerfile = Parse("""
            FROM busybox
            RUN echo base > /base.txt
            FROM busybox
            COPY --from=0 /base.txt /base.txt
            RUN exit 1
            """);
        var stage = dockerfile.FindStage("stage-1")!;

        Assert.Equal([3, 4, 5], Enumerable.Range(1, 3).Select(n => dockerfile.InstructionForStep(stage, n)!.StartLine));
    }

    [Fact]
    public void Only_RUN_COPY_ADD_and_WORKDIR_get_steps()
    {
        var dockerfile = Parse("""
            FROM busybox
            ENV A=1
            ARG B
            WORKDIR /app
            LABEL x=y
            ADD a.tar.gz /app/
            USER nobody
            CMD ["sh"]
            """);
        var stage = dockerfile.Stages[0];

        Assert.Equal(["FROM", "WORKDIR", "ADD"], Enumerable.Range(1, 3).Select(n => dockerfile.InstructionForStep(stage, n)!.Keyword));
        Assert.Null(dockerfile.InstructionForStep(stage, 4));
    }

    [Fact]
    public void WORKDIR_of_the_root_gets_no_step()
    {
        var dockerfile = Parse("""
            FROM busybox
            WORKDIR /
            RUN true
            """);

        Assert.Equal("RUN", dockerfile.InstructionForStep(dockerfile.Stages[0], 2)!.Keyword);
    }

    [Fact]
    public void ONBUILD_triggers_of_the_base_stage_run_first_and_map_to_their_ONBUILD_line()
    {
        var dockerfile = Parse("""
            FROM busybox AS base
            ONBUILD RUN echo triggered
            ONBUILD ENV A=1
            FROM base
            RUN echo own
            """);
        var stage = dockerfile.Stages[1];

        Assert.Equal([2, 5], Enumerable.Range(1, 2).Select(n => dockerfile.InstructionForStep(stage, n)!.StartLine));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_step_number_outside_the_stage_maps_to_nothing(int step)
    {
        var dockerfile = Parse(Fixture);

        Assert.Null(dockerfile.InstructionForStep(dockerfile.Stages[0], step));
    }

    [Fact]
    public void A_single_stage_Dockerfile_answers_progress_lines_without_a_stage_name()
    {
        var single = Parse("FROM busybox\nRUN echo single");
        var multi = Parse(Fixture);

        Assert.Same(single.Stages[0], single.FindStageForProgress(null));
        Assert.Null(multi.FindStageForProgress(""));
        Assert.Same(multi.Stages[1], multi.FindStageForProgress("test"));
    }
}
