using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;
using StageGate.Tests.Context;

namespace StageGate.Tests.Gates;

/// <summary>How CI's buildx options reach each target: every stage gets the cache options, only the final image is pushed or attested.</summary>
public sealed class PassThroughOptionsTests : IDisposable
{
    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    private GateOptions Options(Func<GateOptions, GateOptions> set) =>
        set(new TestOptions { Dockerfile = _context.Write("Dockerfile", PlanDockerfiles.TestAndFinal), UseConfigurationFile = false, Tags = ["registry.example/app:1.0"] });

    private static BuildTarget Target(GatePlan plan, TargetRole role) => BuildTargets.For(plan).First(t => t.Role == role);

    private static IReadOnlyList<string> Build(GatePlan plan, TargetRole role)
    {
        var target = Target(plan, role);
        return PassThroughOptions.Apply(plan, target, new BuildxBuildOptions { Context = "ctx", Outputs = [target.OutputArgument] }).ToArguments();
    }

    private static BakeTarget Bake(GatePlan plan, TargetRole role)
    {
        var target = Target(plan, role);
        return PassThroughOptions.Apply(plan, target, new BakeTarget(target.BakeName) { Outputs = [target.OutputArgument] });
    }

    [Fact]
    public void Cache_pull_and_ssh_options_reach_the_test_stage_as_well_as_the_final_stage()
    {
        var plan = GatePlan.Create(Options(o => o
            .With<IReadOnlyList<string>>(OptionTable.CacheFrom, ["type=registry,ref=registry.example/app:cache"])
            .With<IReadOnlyList<string>>(OptionTable.CacheTo, ["type=inline"])
            .With(OptionTable.NoCache, true)
            .With<IReadOnlyList<string>>(OptionTable.NoCacheFilter, ["test"])
            .With(OptionTable.Pull, true)
            .With<IReadOnlyList<string>>(OptionTable.Ssh, ["default", "github=/keys/a,/keys/b"])));

        var expected = new[]
        {
            "--ssh", "default", "--ssh", "github=/keys/a,/keys/b",
            "--cache-from", "type=registry,ref=registry.example/app:cache", "--cache-to", "type=inline",
            "--no-cache", "--no-cache-filter", "test", "--pull",
        };
        Assert.Equal(["buildx", "build", .. expected, "--output", "type=cacheonly", "ctx"], Build(plan, TargetRole.Test));
        Assert.Equal(["buildx", "build", .. expected, "--output", "type=docker", "ctx"], Build(plan, TargetRole.Final));
    }

    [Fact]
    public void Push_and_attestations_reach_only_the_final_image()
    {
        var plan = GatePlan.Create(Options(o => o
            .With(OptionTable.Push, true)
            .With<string?>(OptionTable.Provenance, "mode=max")
            .With<string?>(OptionTable.Sbom, "false")
            .With<IReadOnlyList<string>>(OptionTable.Attestations, ["type=sbom,generator=registry.example/scanner:1"])));

        Assert.Equal(["buildx", "build", "--output", "type=cacheonly", "ctx"], Build(plan, TargetRole.Test));
        Assert.Equal(["buildx", "build", "--output", "type=docker", "ctx"], Build(plan, TargetRole.Builder));
        Assert.Equal(
            ["buildx", "build", "--push", "--attest", "type=sbom,generator=registry.example/scanner:1", "--provenance", "mode=max", "--sbom", "false", "ctx"],
            Build(plan, TargetRole.Final));
    }

    [Fact]
    public void In_a_bake_the_final_target_pushes_and_attests_itself_instead_of_bake_doing_it_for_every_target()
    {
        var plan = GatePlan.Create(Options(o => o
            .With(OptionTable.Push, true)
            .With<string?>(OptionTable.Provenance, "false")
            .With<string?>(OptionTable.Sbom, "true")));

        var final = Bake(plan, TargetRole.Final);
        var test = Bake(plan, TargetRole.Test);

        Assert.Equal(["type=registry"], final.Outputs);
        Assert.Equal(["type=provenance,disabled=true", "type=sbom"], final.Attest);
        Assert.Equal(["type=cacheonly"], test.Outputs);
        Assert.Empty(test.Attest);
    }

    [Fact]
    public void In_a_bake_every_target_gets_the_cache_options()
    {
        var plan = GatePlan.Create(Options(o => o
            .With<IReadOnlyList<string>>(OptionTable.CacheFrom, ["type=local,src=/tmp/cache dir"])
            .With(OptionTable.NoCache, true)
            .With(OptionTable.Pull, true)));

        foreach (var target in BuildTargets.For(plan).Select(t => PassThroughOptions.Apply(plan, t, new BakeTarget(t.BakeName))))
        {
            Assert.Equal(["type=local,src=/tmp/cache dir"], target.CacheFrom);
            Assert.True(target.NoCache);
            Assert.True(target.Pull);
        }
    }

    [Fact]
    public void Push_without_an_explicit_tag_is_SG1016_so_the_default_tag_is_never_pushed()
    {
        var options = ((GateOptions)new TestOptions { Dockerfile = _context.Write("Dockerfile", PlanDockerfiles.TestAndFinal), UseConfigurationFile = false })
            .With(OptionTable.Push, true);

        var error = Assert.Throws<StageGateException>(() => GatePlan.Create(options));

        Assert.Equal("SG1016", error.Code);
        Assert.Contains("--push needs an explicit tag: set --tag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compressed_budget_without_a_push_is_SG2016_before_anything_is_built()
    {
        var options = Options(o => o.With<string?>(OptionTable.CompressedSizeBudget, "50MB"));

        var error = Assert.Throws<StageGateException>(() => GatePlan.Create(options));

        Assert.Equal("SG2016", error.Code);
        Assert.Contains("set --push or --oci-layout, or drop the compressed budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_OCI_layout_is_the_final_images_only_output_and_a_test_stage_keeps_its_own()
    {
        var layout = Path.Combine(Path.GetTempPath(), "image-oci.tar");
        var plan = GatePlan.Create(Options(o => o.With<string?>(OptionTable.OciLayout, layout).With<string?>(OptionTable.CompressedSizeBudget, "50MB")));

        Assert.Contains($"type=oci,dest={layout}", Build(plan, TargetRole.Final));
        Assert.Equal([$"type=oci,dest={layout}"], Bake(plan, TargetRole.Final).Outputs);
        Assert.Equal(["type=cacheonly"], Bake(plan, TargetRole.Test).Outputs);
    }

    [Fact]
    public void A_final_image_for_several_platforms_must_be_pushed_or_exported_and_no_builder_is_loaded()
    {
        IReadOnlyList<string> platforms = ["linux/amd64", "linux/arm64"];
        var loaded = Options(o => o.With(OptionTable.Platforms, platforms));

        var error = Assert.Throws<StageGateException>(() => GatePlan.Create(loaded));
        var pushed = GatePlan.Create(Options(o => o.With(OptionTable.Platforms, platforms).With(OptionTable.Push, true)));

        Assert.Equal("SG1016", error.Code);
        Assert.Contains("cannot be loaded into the engine, which holds one platform per image: set --push or --oci-layout", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BuildTargets.For(pushed), t => t.Role == TargetRole.Builder);
        Assert.Contains(BuildTargets.For(GatePlan.Create(Options(o => o.With(OptionTable.Push, true)))), t => t.Role == TargetRole.Builder);
    }

    [Fact]
    public void Push_and_an_OCI_layout_together_are_SG1016_asking_for_one()
    {
        var options = Options(o => o.With(OptionTable.Push, true).With<string?>(OptionTable.OciLayout, "image.tar"));

        var error = Assert.Throws<StageGateException>(() => GatePlan.Create(options));

        Assert.Equal("SG1016", error.Code);
        Assert.Contains("--push and --oci-layout both say where the final image goes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_growth_budget_beside_a_compressed_budget_compares_compressed_sizes()
    {
        var baseline = _context.Write("baseline.json", """{ "schemaVersion": 1, "finalImage": { "platforms": [ { "platform": "linux/amd64", "compressedSizeBytes": 5000 } ] } }""");

        var plan = GatePlan.Create(Options(o => o
            .With(OptionTable.Push, true)
            .With<string?>(OptionTable.CompressedSizeBudget, "50MB")
            .With<string?>(OptionTable.GrowthBudget, "5%")
            .With<string?>(OptionTable.Baseline, baseline)));

        Assert.Equal(SizeMetric.Compressed, plan.GrowthMetric);
        Assert.Equal(5000, plan.CompressedBaseline["linux/amd64"]);
        Assert.Null(plan.BaselineBytes);
    }

    [Theory]
    [InlineData("network")]
    [InlineData("add-host")]
    public void A_network_or_host_mapping_without_the_sequential_mode_is_SG1016_because_bake_would_ignore_it(string flag)
    {
        var options = Options(o => flag == "network"
            ? o.With<string?>(OptionTable.Network, "none")
            : o.With<IReadOnlyList<string>>(OptionTable.AddHosts, ["db:10.0.0.5"]));

        var error = Assert.Throws<StageGateException>(() => GatePlan.Create(options));

        Assert.Equal("SG1016", error.Code);
        Assert.StartsWith($"--{flag} needs --sequential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_and_host_mapping_reach_every_stage_in_the_sequential_mode()
    {
        var plan = GatePlan.Create(Options(o => o
            .With(OptionTable.Sequential, true)
            .With<string?>(OptionTable.Network, "host")
            .With<IReadOnlyList<string>>(OptionTable.AddHosts, ["db:10.0.0.5"])));

        Assert.Equal(["buildx", "build", "--network", "host", "--add-host", "db:10.0.0.5", "--output", "type=cacheonly", "ctx"], Build(plan, TargetRole.Test));
    }
}
