using StageGate.Buildx;
using StageGate.Diagnostics;

namespace StageGate.Tests.Buildx;

public sealed class BuildxBuildArgumentsTests
{
    private static IReadOnlyList<string> Args(BuildxBuildOptions options) => options.ToArguments();

    private static string[] With(params string[] flags) => ["buildx", "build", .. flags, "."];

    [Fact]
    public void No_options_is_buildx_build_of_the_current_folder()
    {
        Assert.Equal(["buildx", "build", "."], Args(new BuildxBuildOptions()));
    }

    [Fact]
    public void The_context_is_the_last_argument()
    {
        var args = Args(new BuildxBuildOptions { Context = "/src/my app", Target = "test" });

        Assert.Equal(["buildx", "build", "--target", "test", "/src/my app"], args);
    }

    [Fact]
    public void File_target_and_builder_are_flag_and_value_pairs()
    {
        Assert.Equal(With("--file", "docker/Dockerfile.prod"), Args(new BuildxBuildOptions { Dockerfile = "docker/Dockerfile.prod" }));
        Assert.Equal(With("--target", "final"), Args(new BuildxBuildOptions { Target = "final" }));
        Assert.Equal(With("--builder", "ci-builder"), Args(new BuildxBuildOptions { Builder = "ci-builder" }));
    }

    [Fact]
    public void Each_tag_is_its_own_flag()
    {
        Assert.Equal(With("--tag", "app:1.0", "--tag", "registry.example.com/app:latest"),
            Args(new BuildxBuildOptions { Tags = ["app:1.0", "registry.example.com/app:latest"] }));
    }

    [Fact]
    public void A_build_arg_value_with_spaces_equals_and_quotes_is_one_unquoted_argument()
    {
        var args = Args(new BuildxBuildOptions
        {
            BuildArgs = new Dictionary<string, string> { ["GREETING"] = "hello \"big\" world a=b", ["EMPTY"] = "" },
        });

        Assert.Equal(With("--build-arg", "EMPTY=", "--build-arg", "GREETING=hello \"big\" world a=b"), args);
    }

    [Fact]
    public void A_build_arg_name_with_an_equals_sign_is_SG1016()
    {
        var error = Assert.Throws<StageGateException>(() => Args(new BuildxBuildOptions
        {
            BuildArgs = new Dictionary<string, string> { ["A=B"] = "c" },
        }));

        Assert.Equal("SG1016", error.Code);
    }

    [Fact]
    public void Labels_and_build_contexts_are_name_value_pairs_in_name_order()
    {
        var args = Args(new BuildxBuildOptions
        {
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.title"] = "My App", ["a"] = "x=y" },
            BuildContexts = new Dictionary<string, string> { ["shared"] = "../shared lib" },
        });

        Assert.Equal(With(
            "--build-context", "shared=../shared lib",
            "--label", "a=x=y",
            "--label", "org.opencontainers.image.title=My App"), args);
    }

    [Fact]
    public void Secrets_come_from_an_environment_variable_or_a_file()
    {
        var args = Args(new BuildxBuildOptions
        {
            Secrets = [BuildxSecret.FromEnvironment("npm", "NPM_TOKEN"), BuildxSecret.FromFile("pip", "/home/me/pip conf.txt")],
        });

        Assert.Equal(With("--secret", "id=npm,env=NPM_TOKEN", "--secret", "id=pip,src=/home/me/pip conf.txt"), args);
    }

    [Fact]
    public void A_secret_file_path_with_a_comma_is_csv_quoted_as_buildx_reads_it()
    {
        var args = Args(new BuildxBuildOptions { Secrets = [BuildxSecret.FromFile("x", "/tmp/a,\"b\"")] });

        Assert.Equal(With("--secret", "id=x,\"src=/tmp/a,\"\"b\"\"\""), args);
    }

    [Fact]
    public void Ssh_forwards_the_default_agent_or_named_keys()
    {
        var args = Args(new BuildxBuildOptions
        {
            Ssh = [SshForward.Default, new SshForward("github", ["/home/me/.ssh/id_ed25519", "/home/me/.ssh/id_rsa"])],
        });

        Assert.Equal(With("--ssh", "default", "--ssh", "github=/home/me/.ssh/id_ed25519,/home/me/.ssh/id_rsa"), args);
    }

    [Fact]
    public void Platforms_are_one_comma_separated_flag()
    {
        Assert.Equal(With("--platform", "linux/amd64,linux/arm64"),
            Args(new BuildxBuildOptions { Platforms = ["linux/amd64", "linux/arm64"] }));
    }

    [Fact]
    public void Cache_sources_and_destinations_repeat_their_flags()
    {
        var args = Args(new BuildxBuildOptions
        {
            CacheFrom = ["type=registry,ref=app:cache", "type=local,src=/tmp/cache"],
            CacheTo = ["type=local,dest=/tmp/cache,mode=max"],
        });

        Assert.Equal(With(
            "--cache-from", "type=registry,ref=app:cache",
            "--cache-from", "type=local,src=/tmp/cache",
            "--cache-to", "type=local,dest=/tmp/cache,mode=max"), args);
    }

    [Fact]
    public void Booleans_are_bare_flags_and_absent_when_off()
    {
        Assert.Equal(With("--no-cache"), Args(new BuildxBuildOptions { NoCache = true }));
        Assert.Equal(With("--pull"), Args(new BuildxBuildOptions { Pull = true }));
        Assert.Equal(With("--load"), Args(new BuildxBuildOptions { Load = true }));
        Assert.Equal(With("--push"), Args(new BuildxBuildOptions { Push = true }));
        Assert.Equal(With(), Args(new BuildxBuildOptions { NoCache = false, Pull = false, Load = false, Push = false }));
    }

    [Fact]
    public void No_cache_filter_names_each_stage()
    {
        Assert.Equal(With("--no-cache-filter", "test", "--no-cache-filter", "lint"),
            Args(new BuildxBuildOptions { NoCacheFilter = ["test", "lint"] }));
    }

    [Fact]
    public void The_network_is_one_flag_and_value()
    {
        Assert.Equal(With("--network", "none"), Args(new BuildxBuildOptions { Network = "none" }));
    }

    [Fact]
    public void Each_host_mapping_is_its_own_add_host_flag()
    {
        Assert.Equal(With("--add-host", "db:10.0.0.5", "--add-host", "ipv6.local:fe80::1"),
            Args(new BuildxBuildOptions { AddHosts = ["db:10.0.0.5", "ipv6.local:fe80::1"] }));
    }

    [Fact]
    public void A_cache_value_with_commas_equals_spaces_and_quotes_is_one_argument()
    {
        Assert.Equal(With("--cache-from", "type=gha,scope=\"main branch\"", "--cache-to", "type=local,dest=/tmp/my cache,mode=max"),
            Args(new BuildxBuildOptions { CacheFrom = ["type=gha,scope=\"main branch\""], CacheTo = ["type=local,dest=/tmp/my cache,mode=max"] }));
    }

    [Fact]
    public void Outputs_repeat_the_output_flag()
    {
        Assert.Equal(With("--output", "type=cacheonly", "--output", "type=local,dest=out dir"),
            Args(new BuildxBuildOptions { Outputs = ["type=cacheonly", "type=local,dest=out dir"] }));
    }

    [Theory]
    [InlineData(nameof(ProgressMode.Auto), "auto")]
    [InlineData(nameof(ProgressMode.Plain), "plain")]
    [InlineData(nameof(ProgressMode.Tty), "tty")]
    [InlineData(nameof(ProgressMode.Quiet), "quiet")]
    [InlineData(nameof(ProgressMode.RawJson), "rawjson")]
    public void Progress_is_written_in_buildx_spelling(string mode, string expected)
    {
        Assert.Equal(With("--progress", expected), Args(new BuildxBuildOptions { Progress = Enum.Parse<ProgressMode>(mode) }));
    }

    [Fact]
    public void Metadata_and_image_id_files_are_flag_and_value_pairs()
    {
        Assert.Equal(With("--metadata-file", "/tmp/meta data.json", "--iidfile", "/tmp/iid"),
            Args(new BuildxBuildOptions { MetadataFile = "/tmp/meta data.json", ImageIdFile = "/tmp/iid" }));
    }

    [Fact]
    public void Attestations_provenance_and_sbom_are_passed_as_given()
    {
        Assert.Equal(With("--attest", "type=sbom,generator=image", "--provenance", "false", "--sbom", "true"),
            Args(new BuildxBuildOptions { Attestations = ["type=sbom,generator=image"], Provenance = "false", Sbom = "true" }));
    }

    [Fact]
    public void An_empty_value_is_SG1016_rather_than_a_flag_without_its_value()
    {
        Assert.Equal("SG1016", Assert.Throws<StageGateException>(() => Args(new BuildxBuildOptions { Target = "" })).Code);
        Assert.Equal("SG1016", Assert.Throws<StageGateException>(() => Args(new BuildxBuildOptions { Tags = [""] })).Code);
        Assert.Equal("SG1016", Assert.Throws<StageGateException>(() => Args(new BuildxBuildOptions { Context = "" })).Code);
    }

    [Fact]
    public void Every_option_at_once_keeps_a_fixed_order()
    {
        var args = Args(new BuildxBuildOptions
        {
            Context = "ctx",
            Dockerfile = "Dockerfile",
            Target = "test",
            Tags = ["t"],
            BuildArgs = new Dictionary<string, string> { ["A"] = "1" },
            Labels = new Dictionary<string, string> { ["l"] = "v" },
            Secrets = [BuildxSecret.FromEnvironment("s", "S")],
            Ssh = [SshForward.Default],
            Platforms = ["linux/amd64"],
            Builder = "b",
            CacheFrom = ["cf"],
            CacheTo = ["ct"],
            NoCache = true,
            NoCacheFilter = ["test"],
            Pull = true,
            Network = "host",
            AddHosts = ["db:10.0.0.5"],
            Load = true,
            Outputs = ["type=docker"],
            Progress = ProgressMode.RawJson,
            MetadataFile = "m.json",
            ImageIdFile = "iid",
            Attestations = ["type=provenance"],
            Provenance = "mode=max",
            Sbom = "false",
        });

        Assert.Equal(
            ["buildx", "build", "--builder", "b", "--file", "Dockerfile", "--target", "test", "--platform", "linux/amd64",
             "--tag", "t", "--build-arg", "A=1", "--label", "l=v", "--secret", "id=s,env=S", "--ssh", "default",
             "--cache-from", "cf", "--cache-to", "ct", "--no-cache", "--no-cache-filter", "test", "--pull",
             "--network", "host", "--add-host", "db:10.0.0.5",
             "--output", "type=docker", "--load", "--attest", "type=provenance", "--provenance", "mode=max", "--sbom", "false",
             "--progress", "rawjson", "--metadata-file", "m.json", "--iidfile", "iid", "ctx"],
            args);
    }
}
