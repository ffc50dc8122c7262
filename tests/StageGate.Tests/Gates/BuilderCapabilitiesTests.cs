using StageGate.Buildx;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tests.Gates;

/// <summary>An option the builder cannot honour is SG2015 naming the builder, its driver and the option, before any build.</summary>
public sealed class BuilderCapabilitiesTests
{
    // `docker buildx inspect` of dockerd 20.10's default builder, captured with buildx 0.13.1.
    private static readonly BuilderInfo DockerDriver = BuilderInfo.Parse("""
        Name:          default
        Driver:        docker
        Last Activity: 2026-12-02 00:22:12 +0000 UTC

        Nodes:
        Name:             default
        Endpoint:         default
        Status:           running
        BuildKit version: v0.8+unknown
        Platforms:        linux/amd64, linux/386
        """)!;

    private static readonly BuilderInfo ContainerDriver = BuilderInfo.Parse("""
        Name:          ci
        Driver:        docker-container

        Nodes:
        Name:             ci0
        Endpoint:         unix:///var/run/docker.sock
        Status:           running
        BuildKit version: v0.13.2
        """)!;

    private static GateOptions Options(Func<GateOptions, GateOptions> set) => set(new GateOptions(FrontEnd.Cli));

    [Theory]
    [InlineData("type=registry,ref=registry.example/app:cache")]
    [InlineData("type=local,dest=/tmp/cache")]
    [InlineData("type=gha")]
    [InlineData("registry.example/app:cache")]
    public void A_cache_export_other_than_inline_on_the_docker_driver_is_SG2015(string cacheTo)
    {
        var refusal = BuilderCapabilities.Refusal(Options(o => o.With<IReadOnlyList<string>>(OptionTable.CacheTo, [cacheTo])), DockerDriver);

        Assert.Equal("SG2015", refusal?.Code);
        Assert.Equal(
            $"buildx builder 'default' (driver docker, BuildKit v0.8+unknown) cannot honour --cache-to {cacheTo}: the docker driver exports only type=inline cache. Drop the option, or choose another builder with --builder.",
            refusal?.Message);
    }

    [Fact]
    public void Inline_cache_export_and_any_cache_source_are_honoured_by_the_docker_driver()
    {
        var options = Options(o => o
            .With<IReadOnlyList<string>>(OptionTable.CacheTo, ["type=inline"])
            .With<IReadOnlyList<string>>(OptionTable.CacheFrom, ["type=registry,ref=registry.example/app:cache"]));

        Assert.Null(BuilderCapabilities.Refusal(options, DockerDriver));
    }

    [Theory]
    [InlineData("Provenance", "true", "--provenance true")]
    [InlineData("Provenance", "mode=max", "--provenance mode=max")]
    [InlineData("Sbom", "1", "--sbom 1")]
    [InlineData("Attestations", "type=sbom", "--attest type=sbom")]
    public void An_attestation_on_the_docker_driver_is_SG2015_naming_the_option(string option, string value, string named)
    {
        var options = Options(o => option switch
        {
            "Provenance" => o.With<string?>(OptionTable.Provenance, value),
            "Sbom" => o.With<string?>(OptionTable.Sbom, value),
            _ => o.With<IReadOnlyList<string>>(OptionTable.Attestations, [value]),
        });

        var refusal = BuilderCapabilities.Refusal(options, DockerDriver);

        Assert.Equal("SG2015", refusal?.Code);
        Assert.Contains($"(driver docker, BuildKit v0.8+unknown) cannot honour {named}: the docker driver attaches no provenance", refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_OCI_layout_export_on_the_docker_driver_is_SG2015_and_a_docker_container_builder_honours_it()
    {
        var options = Options(o => o.With<string?>(OptionTable.OciLayout, "/out/image.tar"));

        var refusal = BuilderCapabilities.Refusal(options, DockerDriver);

        Assert.Equal("SG2015", refusal?.Code);
        Assert.Contains("cannot honour --oci-layout /out/image.tar: the docker driver exports no OCI layout", refusal!.Message, StringComparison.Ordinal);
        Assert.Null(BuilderCapabilities.Refusal(options, ContainerDriver));
    }

    [Fact]
    public void Several_platforms_on_the_docker_driver_are_SG2015_and_a_docker_container_builder_honours_them()
    {
        var options = Options(o => o.With<IReadOnlyList<string>>(OptionTable.Platforms, ["linux/amd64", "linux/arm64"]));

        var refusal = BuilderCapabilities.Refusal(options, DockerDriver);

        Assert.Contains("cannot honour --platform linux/amd64,linux/arm64: the docker driver builds one platform at a time", refusal?.Message, StringComparison.Ordinal);
        Assert.Null(BuilderCapabilities.Refusal(options, ContainerDriver));
    }

    [Fact]
    public void Switching_provenance_and_sbom_off_is_allowed_on_the_docker_driver()
    {
        var options = Options(o => o
            .With<string?>(OptionTable.Provenance, "false")
            .With<string?>(OptionTable.Sbom, "0")
            .With<IReadOnlyList<string>>(OptionTable.Attestations, ["type=provenance,disabled=true"]));

        Assert.Null(BuilderCapabilities.Refusal(options, DockerDriver));
    }

    [Fact]
    public void No_cache_filter_on_BuildKit_older_than_0_10_is_SG2015()
    {
        var refusal = BuilderCapabilities.Refusal(Options(o => o.With<IReadOnlyList<string>>(OptionTable.NoCacheFilter, ["test"])), DockerDriver);

        Assert.Equal("SG2015", refusal?.Code);
        Assert.EndsWith("cannot honour --no-cache-filter test: it needs BuildKit 0.10 or later. Drop the option, or choose another builder with --builder.", refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docker_container_builder_with_a_recent_BuildKit_honours_every_option()
    {
        var options = Options(o => o
            .With<IReadOnlyList<string>>(OptionTable.CacheTo, ["type=registry,ref=registry.example/app:cache,mode=max"])
            .With<IReadOnlyList<string>>(OptionTable.NoCacheFilter, ["test"])
            .With<string?>(OptionTable.Provenance, "mode=max")
            .With<string?>(OptionTable.Sbom, "true"));

        Assert.Null(BuilderCapabilities.Refusal(options, ContainerDriver));
    }

    [Fact]
    public void The_refusal_names_the_option_as_MSBuild_users_write_it()
    {
        var options = new GateOptions(FrontEnd.MSBuild).With<string?>(OptionTable.Provenance, "true");

        Assert.Contains("cannot honour StageGateProvenance true", BuilderCapabilities.Refusal(options, DockerDriver)?.Message, StringComparison.Ordinal);
    }
}
