using StageGate.Dockerfiles;
using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

public class StageTests
{
    [Fact]
    public void Stage_names_are_lower_cased_and_AS_is_read_in_any_case()
    {
        var stages = Parse("""
            FROM busybox AS Builder
            FROM busybox as TEST
            FROM busybox
            """).Stages;

        Assert.Equal(["builder", "test", null], stages.Select(s => s.Name));
        Assert.Equal(["builder", "test", "stage-2"], stages.Select(s => s.DisplayName));
    }

    [Fact]
    public void A_stage_knows_its_index_FROM_line_and_instructions()
    {
        var stage = Parse("""
            FROM busybox AS builder
            RUN echo one

            FROM busybox AS final
            COPY --from=builder /a /a
            CMD ["sh"]
            """).Stages[1];

        Assert.Equal((1, 4), (stage.Index, stage.Line));
        Assert.Equal(["FROM", "COPY", "CMD"], stage.Instructions.Select(i => i.Keyword));
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("my_stage!")]
    [InlineData("build/stage")]
    [InlineData("-dash")]
    public void A_stage_name_must_start_with_a_letter_and_hold_no_symbols(string name)
    {
        var diagnostic = Fails($"""
            FROM busybox
            FROM busybox AS {name}
            """);

        Assert.Equal(("SG1005", 2, DockerfilePath), (diagnostic.Code, diagnostic.Line, diagnostic.File));
    }

    [Fact]
    public void A_stage_name_may_hold_digits_dashes_underscores_and_dots()
    {
        Assert.Equal("build-1_x.v2", Parse("FROM busybox AS Build-1_x.v2").Stages[0].Name);
    }

    [Fact]
    public void Two_stages_with_the_same_name_in_any_case_are_rejected_at_the_second()
    {
        var diagnostic = Fails("""
            FROM busybox AS builder
            RUN true
            FROM alpine AS BUILDER
            """);

        Assert.Equal(("SG1006", 3), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("line 1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_FROM_naming_an_earlier_stage_builds_on_that_stage()
    {
        var stage = Parse("""
            FROM golang:1.22 AS builder
            FROM builder AS test
            """).Stages[1];

        Assert.Equal(("builder", StageBaseKind.Stage, 0), (stage.Base, stage.BaseKind, stage.BaseStage));
    }

    [Fact]
    public void A_FROM_scratch_builds_on_nothing()
    {
        var stage = Parse("FROM scratch").Stages[0];

        Assert.Equal((StageBaseKind.Scratch, (int?)null), (stage.BaseKind, stage.BaseStage));
    }

    [Fact]
    public void A_FROM_naming_a_later_stage_is_an_image_as_BuildKit_reads_it()
    {
        var stage = Parse("""
            FROM final AS first
            FROM busybox AS final
            """).Stages[0];

        Assert.Equal((StageBaseKind.Image, (int?)null), (stage.BaseKind, stage.BaseStage));
    }

    [Fact]
    public void A_stage_named_after_its_own_image_builds_on_the_image_not_on_itself()
    {
        var stage = Parse("FROM nginx AS nginx").Stages[0];

        Assert.Equal(("nginx", StageBaseKind.Image), (stage.Base, stage.BaseKind));
    }

    [Fact]
    public void A_FROM_naming_an_earlier_stage_in_other_case_is_rejected_because_BuildKit_reads_an_image()
    {
        var diagnostic = Fails("""
            FROM busybox AS builder
            FROM Builder
            """);

        Assert.Equal(("SG1009", 2), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("FROM builder", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void COPY_from_names_a_stage_in_any_case()
    {
        var reference = Parse("""
            FROM busybox AS builder
            FROM busybox
            COPY --from=BUILDER /out /out
            """).Stages[1].References.Single();

        Assert.Equal(new StageReference("COPY", 3, StageReferenceKind.Stage, 0, null), reference);
    }

    [Fact]
    public void COPY_from_a_number_names_the_stage_at_that_index()
    {
        var reference = Parse("""
            FROM busybox
            FROM busybox
            COPY --from=0 /out /out
            """).Stages[1].References.Single();

        Assert.Equal(new StageReference("COPY", 3, StageReferenceKind.Stage, 0, null), reference);
    }

    [Fact]
    public void COPY_from_anything_that_is_not_a_stage_is_an_image()
    {
        var reference = Parse("""
            FROM busybox
            COPY --from=nginx:1.25-alpine /etc/nginx/nginx.conf /nginx.conf
            """).Stages[0].References.Single();

        Assert.Equal(new StageReference("COPY", 2, StageReferenceKind.Image, null, "nginx:1.25-alpine"), reference);
    }

    [Fact]
    public void RUN_mount_from_names_a_stage()
    {
        var reference = Parse("""
            FROM golang:1.22 AS deps
            FROM golang:1.22
            RUN --mount=type=bind,from=deps,source=/go/pkg,target=/go/pkg go build ./...
            """).Stages[1].References.Single();

        Assert.Equal(new StageReference("RUN", 3, StageReferenceKind.Stage, 0, null), reference);
    }

    [Fact]
    public void RUN_mount_from_resolves_names_only_so_a_number_there_is_an_image()
    {
        var reference = Parse("""
            FROM busybox
            FROM busybox
            RUN --mount=from=0,target=/in ls /in
            """).Stages[1].References.Single();

        Assert.Equal((StageReferenceKind.Image, "0"), (reference.Kind, reference.Image));
    }

    [Fact]
    public void A_RUN_with_several_mounts_has_a_reference_for_each_mount_with_a_source()
    {
        var references = Parse("""
            FROM busybox AS a
            FROM busybox AS b
            FROM busybox
            RUN --mount=type=cache,target=/cache --mount=from=a,target=/a --mount=type=bind,from=alpine:3,target=/c true
            """).Stages[2].References;

        Assert.Equal([(StageReferenceKind.Stage, (int?)0, (string?)null), (StageReferenceKind.Image, null, "alpine:3")],
            references.Select(r => (r.Kind, r.Stage, r.Image)));
    }

    [Fact]
    public void A_variable_in_COPY_from_is_rejected_because_BuildKit_does_not_expand_it()
    {
        var diagnostic = Fails("""
            ARG SOURCE=builder
            FROM busybox AS builder
            FROM busybox
            COPY --from=$SOURCE /out /out
            """);

        Assert.Equal(("SG1009", 4), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_variable_in_RUN_mount_from_is_rejected_because_BuildKit_does_not_expand_it()
    {
        var diagnostic = Fails("""
            FROM busybox
            RUN --mount=from=${SOURCE},target=/in true
            """);

        Assert.Equal(("SG1009", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    public void COPY_from_an_index_with_no_stage_is_an_invalid_stage_reference(string index)
    {
        var diagnostic = Fails($"""
            FROM busybox
            FROM busybox
            COPY --from={index} /out /out
            """);

        Assert.Equal(("SG1009", 3), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("invalid stage index", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void COPY_from_a_later_stage_is_an_invalid_stage_reference()
    {
        var diagnostic = Fails("""
            FROM busybox AS first
            COPY --from=second /out /out
            FROM busybox AS second
            """);

        Assert.Equal(("SG1009", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void COPY_from_a_later_stage_by_index_is_an_invalid_stage_reference()
    {
        var diagnostic = Fails("""
            FROM busybox
            COPY --from=1 /out /out
            FROM busybox
            """);

        Assert.Equal(("SG1009", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_stage_that_copies_from_itself_is_a_cycle()
    {
        var diagnostic = Fails("""
            FROM busybox AS builder
            RUN true
            COPY --from=builder /out /out
            """);

        Assert.Equal(("SG1007", 3), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("'builder' depends on itself", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_that_copies_from_itself_by_index_is_a_cycle()
    {
        var diagnostic = Fails("""
            FROM busybox
            FROM busybox
            COPY --from=1 /out /out
            """);

        Assert.Equal(("SG1007", 3), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void Two_stages_that_copy_from_each_other_are_a_cycle_named_stage_by_stage()
    {
        var diagnostic = Fails("""
            FROM busybox AS a
            COPY --from=b /b /b
            FROM busybox AS b
            RUN --mount=from=a,target=/a true
            """);

        Assert.Equal(("SG1007", 2), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("a → b → a", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ONBUILD_COPY_from_registers_no_reference_for_its_own_stage()
    {
        var stage = Parse("""
            FROM busybox AS base
            ONBUILD COPY --from=base /a /a
            """).Stages[0];

        Assert.Empty(stage.References);
    }
}
