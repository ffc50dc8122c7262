using StageGate.Buildx;

namespace StageGate.Tests.Buildx;

public sealed class VertexNameTests
{
    private static readonly HashSet<string> Bake = ["test", "final"];

    [Theory]
    [InlineData("[builder 2/2] RUN make", null, "builder", 2, 2, "RUN make")]
    [InlineData("[stage-2 3/4] COPY . .", null, "stage-2", 3, 4, "COPY . .")]
    [InlineData("[1/2] FROM docker.io/library/busybox", null, null, 1, 2, "FROM docker.io/library/busybox")]
    [InlineData("[builder  3/12] RUN make", null, "builder", 3, 12, "RUN make")]
    [InlineData("[test builder 1/2] FROM busybox", "test", "builder", 1, 2, "FROM busybox")]
    [InlineData("[final final 2/2] COPY --from=builder /a /a", "final", "final", 2, 2, "COPY --from=builder /a /a")]
    public void A_step_name_splits_into_target_stage_position_and_instruction(
        string name, string? target, string? stage, int number, int count, string instruction)
    {
        var parsed = VertexName.Parse(name);

        Assert.Equal(new VertexName(target, null, stage, number, count, instruction), parsed);
    }

    [Fact]
    public void In_a_bake_of_several_targets_a_single_word_that_is_a_target_is_the_target()
    {
        Assert.Equal(new VertexName("final", null, null, 1, 2, "FROM busybox"), VertexName.Parse("[final 1/2] FROM busybox", Bake));
        Assert.Equal(new VertexName(null, null, "final", 1, 2, "FROM busybox"), VertexName.Parse("[final 1/2] FROM busybox"));
    }

    [Theory]
    [InlineData("[linux/amd64 builder 2/2] RUN make", null, "linux/amd64", "builder")]
    [InlineData("[test linux/arm64->amd64 builder 2/2] RUN make", "test", "linux/arm64->amd64", "builder")]
    [InlineData("[final linux/amd64 2/2] RUN make", "final", "linux/amd64", null)]
    public void A_platform_word_is_kept_apart_from_target_and_stage(string name, string? target, string platform, string? stage)
    {
        var parsed = VertexName.Parse(name);

        Assert.Equal((target, platform, stage), (parsed.Target, parsed.Platform, parsed.Stage));
    }

    [Theory]
    [InlineData("[internal] load .dockerignore", null)]
    [InlineData("[auth] library/busybox:pull token for registry-1.docker.io", null)]
    [InlineData("[test internal] load build definition from Dockerfile", "test")]
    [InlineData("[final] exporting to image", "final")]
    [InlineData("exporting to image", null)]
    [InlineData("[linux/amd64 internal] load metadata for docker.io/library/busybox:latest", null)]
    public void Names_without_a_step_position_are_internal(string name, string? target)
    {
        var parsed = VertexName.Parse(name);

        Assert.True(parsed.IsInternal);
        Assert.Equal(target, parsed.Target);
        Assert.Null(parsed.Stage);
    }

    [Fact]
    public void With_known_bake_targets_only_a_target_name_prefixes_an_internal_step()
    {
        Assert.Null(VertexName.Parse("[internal] load local bake definitions", Bake).Target);
        Assert.Equal("final", VertexName.Parse("[final] exporting to image", Bake).Target);
    }
}
