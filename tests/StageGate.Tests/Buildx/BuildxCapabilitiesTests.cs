using StageGate.Buildx;

namespace StageGate.Tests.Buildx;

public sealed class BuildxCapabilitiesTests
{
    [Fact]
    public void Debian_buildx_version_output_is_read()
    {
        var version = BuildxVersion.Parse("github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3\n");

        Assert.NotNull(version);
        Assert.Equal(new Version(0, 13, 1), version.Version);
        Assert.Equal("0.13.1+ds1", version.Text);
        Assert.Equal("0.13.1+ds1-3", version.Revision);
    }

    [Fact]
    public void Upstream_buildx_version_output_is_read()
    {
        var version = BuildxVersion.Parse("github.com/docker/buildx v0.17.1 257815a");

        Assert.Equal(new Version(0, 17, 1), version?.Version);
        Assert.True(version!.IsAtLeast(0, 13));
        Assert.False(version.IsAtLeast(0, 18));
    }

    [Theory]
    [InlineData("")]
    [InlineData("docker: 'buildx' is not a docker command.")]
    [InlineData("github.com/docker/buildx dev")]
    public void Output_that_is_not_a_buildx_version_gives_no_version(string output)
    {
        Assert.Null(BuildxVersion.Parse(output));
    }

    [Fact]
    public void Builder_inspect_output_gives_driver_status_and_BuildKit_version()
    {
        const string output = """
            Name:          default
            Driver:        docker
            Last Activity: 2026-11-23 05:27:37 +0000 UTC

            Nodes:
            Name:             default
            Endpoint:         default
            Status:           running
            BuildKit version: v0.8+unknown
            Platforms:        linux/amd64
            """;

        var builder = BuilderInfo.Parse(output);

        Assert.NotNull(builder);
        Assert.Equal(("default", "docker", "running"), (builder.Name, builder.Driver, builder.Status));
        Assert.True(builder.IsRunning);
        Assert.Equal("v0.8+unknown", builder.BuildKitVersion);
        var node = Assert.Single(builder.Nodes);
        Assert.Equal(new Version(0, 8, 0), node.Version);
        Assert.Equal(["linux/amd64"], node.Platforms);
    }

    [Fact]
    public void Older_inspect_output_names_BuildKit_differently_and_can_list_an_inactive_node()
    {
        const string output = """
            Name:   ci
            Driver: docker-container

            Nodes:
            Name:      ci0
            Endpoint:  unix:///var/run/docker.sock
            Status:    inactive
            Platforms: 
            Name:      ci1
            Endpoint:  tcp://10.0.0.2:2376
            Status:    running
            Buildkit:  v0.11.6
            Platforms: linux/amd64, linux/arm64
            """;

        var builder = BuilderInfo.Parse(output)!;

        Assert.Equal("docker-container", builder.Driver);
        Assert.Equal(["ci0", "ci1"], builder.Nodes.Select(n => n.Name));
        Assert.Equal("inactive", builder.Status);
        Assert.True(builder.IsRunning);
        Assert.Equal(new Version(0, 11, 6), builder.Nodes[1].Version);
        Assert.Equal(["linux/amd64", "linux/arm64"], builder.Nodes[1].Platforms);
    }

    [Fact]
    public void Inspect_output_without_a_builder_gives_nothing()
    {
        Assert.Null(BuilderInfo.Parse("ERROR: no builder \"nope\" found"));
    }
}
