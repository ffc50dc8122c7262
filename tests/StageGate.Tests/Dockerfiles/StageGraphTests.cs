using StageGate.Diagnostics;
using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

public class StageGraphTests
{
    private const string BuilderTestFinal = """
        FROM golang:1.22 AS builder
        RUN go build -o /app ./...

        FROM builder AS test
        RUN go test ./...

        FROM gcr.io/distroless/static AS final
        COPY --from=builder /app /app
        """;

    private const string Mounts = """
        FROM busybox AS deps
        FROM busybox AS tools
        FROM busybox AS unused
        FROM tools AS build
        RUN --mount=from=deps,target=/deps true
        FROM scratch AS final
        COPY --from=build /out /out
        """;

    [Fact]
    public void A_target_needs_itself_and_the_stages_it_copies_from_in_index_order()
    {
        var dockerfile = Parse(BuilderTestFinal);

        Assert.Equal(["builder", "final"], dockerfile.StagesNeededBy(dockerfile.Stages[2]).Select(s => s.Name));
    }

    [Fact]
    public void A_target_needs_the_stage_it_builds_on()
    {
        var dockerfile = Parse(BuilderTestFinal);

        Assert.Equal(["builder", "test"], dockerfile.StagesNeededBy(dockerfile.Stages[1]).Select(s => s.Name));
    }

    [Fact]
    public void A_target_needs_what_its_needs_build_on_and_mount_transitively()
    {
        var dockerfile = Parse(Mounts);

        Assert.Equal(["deps", "tools", "build", "final"], dockerfile.StagesNeededBy(dockerfile.DefaultTarget).Select(s => s.Name));
    }

    [Fact]
    public void The_stages_a_target_does_not_reach_are_the_rest_in_index_order()
    {
        var dockerfile = Parse(Mounts);

        Assert.Equal(["unused"], dockerfile.StagesNotReachedBy(dockerfile.DefaultTarget).Select(s => s.Name));
    }

    [Fact]
    public void A_test_stage_the_final_stage_does_not_copy_from_is_not_reached()
    {
        var dockerfile = Parse(BuilderTestFinal);

        Assert.Equal(["test"], dockerfile.StagesNotReachedBy(dockerfile.DefaultTarget).Select(s => s.Name));
    }

    [Fact]
    public void A_stage_of_another_Dockerfile_is_refused()
    {
        var dockerfile = Parse(BuilderTestFinal);
        var foreign = Parse("FROM alpine AS other").Stages[0];

        Assert.Throws<ArgumentException>(() => dockerfile.StagesNeededBy(foreign));
    }

    [Fact]
    public void No_target_means_the_last_stage()
    {
        var dockerfile = Parse(BuilderTestFinal);

        Assert.Same(dockerfile.Stages[2], dockerfile.ResolveTarget(null));
        Assert.Same(dockerfile.Stages[2], dockerfile.DefaultTarget);
    }

    [Fact]
    public void A_target_is_found_by_name_in_any_case_or_by_index()
    {
        var dockerfile = Parse(BuilderTestFinal);

        Assert.Same(dockerfile.Stages[1], dockerfile.ResolveTarget("TEST"));
        Assert.Same(dockerfile.Stages[1], dockerfile.ResolveTarget("1"));
    }

    [Fact]
    public void An_unnamed_stage_is_found_by_the_name_BuildKit_shows_for_it()
    {
        var dockerfile = Parse("""
            FROM busybox
            FROM busybox AS named
            """);

        Assert.Same(dockerfile.Stages[0], dockerfile.FindStage("stage-0"));
        Assert.Null(dockerfile.FindStage("stage-1"));
        Assert.Null(dockerfile.FindStage("7"));
    }

    [Fact]
    public void An_unknown_target_suggests_the_nearest_stage_name()
    {
        var dockerfile = Parse(BuilderTestFinal);

        var diagnostic = Assert.Throws<StageGateException>(() => dockerfile.ResolveTarget("tset")).Diagnostic;

        Assert.Equal("SG1008", diagnostic.Code);
        Assert.Equal("Stage 'tset' not found. Stages: builder, test, final. Did you mean 'test'?", diagnostic.Message);
        Assert.Equal(DockerfilePath, diagnostic.File);
    }

    [Fact]
    public void An_unknown_target_far_from_every_name_suggests_nothing()
    {
        var dockerfile = Parse(BuilderTestFinal);

        var diagnostic = Assert.Throws<StageGateException>(() => dockerfile.ResolveTarget("deploy")).Diagnostic;

        Assert.Equal("Stage 'deploy' not found. Stages: builder, test, final.", diagnostic.Message);
    }

    [Theory]
    [InlineData("COPY . /src")]
    [InlineData("ADD app.tar /app")]
    [InlineData("COPY [\"app.txt\", \"/app\"]")]
    [InlineData("RUN --mount=target=/src make")]
    [InlineData("RUN --mount=type=bind,source=go.mod,target=/go.mod go build")]
    public void A_target_that_copies_or_binds_local_files_sends_the_build_context(string instruction)
    {
        var dockerfile = Parse($"FROM busybox AS deps\nFROM busybox\n{instruction}\n");

        Assert.True(dockerfile.SendsBuildContext(dockerfile.DefaultTarget));
    }

    [Theory]
    [InlineData("RUN echo hi")]
    [InlineData("COPY --from=deps /out /out")]
    [InlineData("COPY --from=golang:1.22 /usr/local/go /go")]
    [InlineData("ADD https://example.invalid/app.tar /app")]
    [InlineData("RUN --mount=type=cache,target=/root/.cache go build")]
    [InlineData("RUN --mount=from=deps,target=/deps true")]
    [InlineData("RUN --mount=type=secret,id=token true")]
    public void A_target_that_takes_nothing_from_the_context_does_not_send_it(string instruction)
    {
        var dockerfile = Parse($"FROM busybox AS deps\nFROM busybox\n{instruction}\n");

        Assert.False(dockerfile.SendsBuildContext(dockerfile.DefaultTarget));
    }

    [Fact]
    public void A_copy_of_a_heredoc_alone_does_not_send_the_build_context()
    {
        var dockerfile = Parse("FROM busybox\nCOPY <<EOF /greeting\nhi\nEOF\n");

        Assert.False(dockerfile.SendsBuildContext(dockerfile.DefaultTarget));
    }

    [Fact]
    public void A_target_sends_the_build_context_when_a_stage_it_copies_from_does()
    {
        var dockerfile = Parse("FROM busybox AS builder\nCOPY . /src\nFROM busybox AS test\nRUN true\nFROM busybox\nCOPY --from=builder /src /src\n");

        Assert.Equal((true, false), (dockerfile.SendsBuildContext(dockerfile.DefaultTarget), dockerfile.SendsBuildContext(dockerfile.Stages[1])));
    }

    [Fact]
    public void An_onbuild_copy_sends_the_build_context_from_the_stage_that_builds_on_it()
    {
        var dockerfile = Parse("FROM busybox AS base\nONBUILD COPY app.txt /app.txt\nFROM base\nRUN true\n");

        Assert.Equal((false, true), (dockerfile.SendsBuildContext(dockerfile.Stages[0]), dockerfile.SendsBuildContext(dockerfile.Stages[1])));
    }
}
