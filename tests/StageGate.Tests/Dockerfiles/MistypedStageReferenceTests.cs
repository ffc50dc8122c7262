using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

/// <summary>SG5001: a --from one typo away from a stage name is reported at its line, before BuildKit pulls it as an image.</summary>
public class MistypedStageReferenceTests
{
    private const string Stages = """
        FROM busybox AS builder
        RUN echo hi > /out
        FROM busybox AS test
        RUN true

        """;

    private static List<Diagnostic> Find(string tail) => MistypedStageReferences.Find(Parse(Stages + tail)).ToList();

    [Fact]
    public void A_copy_from_a_mistyped_stage_warns_at_its_line_and_column_suggesting_the_stage()
    {
        var warning = Assert.Single(Find("FROM busybox AS final\n  COPY --from=biulder /out /out\n"));

        Assert.Equal((Codes.MistypedStageName.Code, DiagnosticSeverity.Warning, DockerfilePath, 6, 15),
            (warning.Code, warning.Severity, warning.File, warning.Line, warning.Column));
        Assert.EndsWith("Did you mean 'builder'?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_mount_from_a_mistyped_stage_warns_at_the_from_value_suggesting_the_stage()
    {
        var warning = Assert.Single(Find("FROM busybox AS final\nRUN --mount=type=cache,target=/c --mount=target=/b,from=tset true\n"));

        Assert.Equal((6, 57), (warning.Line, warning.Column));
        Assert.StartsWith("RUN --mount=from=tset names no stage", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("Did you mean 'test'?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_stage_on_a_continuation_line_is_reported_on_that_line()
    {
        var warning = Assert.Single(Find("FROM busybox AS final\nCOPY \\\n    --from=buidler /out /out\n"));

        Assert.Equal((7, 12), (warning.Line, warning.Column));
    }

    [Theory]
    [InlineData("COPY --from=builder /out /out")]
    [InlineData("COPY --from=BUILDER /out /out")]
    [InlineData("COPY --from=0 /out /out")]
    [InlineData("RUN --mount=from=Builder,target=/b true")]
    [InlineData("COPY --from=golang:1.22 /usr/local/go /go")]
    [InlineData("COPY --from=alpine /etc/alpine-release /r")]
    [InlineData("COPY --from=ghcr.io/x/y /y /y")]
    [InlineData("COPY --from=builder:latest /out /out")]
    [InlineData("COPY --from=builders/tool /t /t")]
    [InlineData("COPY --from=builder@sha256:0123 /out /out")]
    [InlineData("COPY --from=build.er /out /out")]
    [InlineData("RUN --mount=from=1,target=/b true")]
    [InlineData("RUN --mount=from=tset:1,target=/t true")]
    public void A_stage_an_image_or_an_index_is_not_reported(string instruction)
    {
        Assert.Empty(Find($"FROM busybox AS final\n{instruction}\n"));
    }
}
