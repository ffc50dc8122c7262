using StageGate.Buildx;

namespace StageGate.Tests.Buildx;

/// <summary>buildx's <c>--metadata-file</c>, as buildx 0.13 writes it with the docker driver (captured by running it).</summary>
public sealed class BuildMetadataTests
{
    [Fact]
    public void A_bakes_metadata_gives_each_image_target_its_image_id_and_a_cacheonly_target_none()
    {
        var metadata = BuildMetadata.Parse("""
            {
              "final": { "buildx.build.ref": "default/default/x23", "containerimage.digest": "sha256:2362" },
              "test": { "buildx.build.ref": "default/default/qgm" }
            }
            """, bake: true);

        Assert.Equal(("sha256:2362", null, null), (metadata.For("final")?.ImageId, metadata.For("test")?.ImageId, metadata.For("builder")));
        Assert.NotNull(metadata.For("test"));
    }

    [Fact]
    public void A_builds_metadata_is_the_result_of_its_one_target()
    {
        var metadata = BuildMetadata.Parse("""{ "buildx.build.ref": "default/default/z", "containerimage.digest": "sha256:2362" }""", bake: false);

        Assert.Equal("sha256:2362", metadata.For("final")?.ImageId);
    }

    [Fact]
    public void The_config_digest_is_the_image_id_where_buildx_writes_both()
    {
        var metadata = BuildMetadata.Parse("""{ "containerimage.digest": "sha256:manifest", "containerimage.config.digest": "sha256:config" }""", bake: false);

        Assert.Equal("sha256:config", metadata.For("final")?.ImageId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("[]")]
    public void Metadata_that_is_not_a_json_object_is_no_evidence(string json)
    {
        Assert.Null(BuildMetadata.Parse(json, bake: true).For("final"));
    }

    [Fact]
    public async Task A_metadata_file_buildx_never_wrote_is_no_evidence()
    {
        var metadata = await BuildMetadata.ReadAsync(Path.Combine(Path.GetTempPath(), $"stagegate-absent-{Guid.NewGuid():N}.json"), bake: false, CancellationToken.None);

        Assert.Null(metadata.For("final"));
    }
}
