using Cake.Core.IO;
using StageGate.Cake;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tests.Cake;

public sealed class StageGateSettingsTests
{
    private static readonly DirectoryPath WorkingDirectory = new("/work/app");


    [Fact]
    public void Relative_paths_resolve_against_the_cake_working_directory()
    {
        var settings = new StageGateSettings
        {
            Dockerfile = "docker/Dockerfile",
            Context = "src",
            Baseline = "artifacts/baseline.json",
            ReportPath = "artifacts/report.json",
        };

        var options = settings.ToValues(WorkingDirectory).Resolve();

        Assert.Equal(
            new[] { "/work/app/docker/Dockerfile", "/work/app/src", "/work/app/artifacts/baseline.json", "/work/app/artifacts/report.json" },
            new[] { options.Dockerfile, options.Get(OptionTable.Context), options.Get(OptionTable.Baseline), options.Get(OptionTable.ReportPath) });
    }

    [Fact]
    public void Without_a_dockerfile_the_Dockerfile_in_the_working_directory_is_gated()
    {
        var options = new StageGateSettings().ToValues(WorkingDirectory).Resolve();

        Assert.Equal("/work/app/Dockerfile", options.Dockerfile);
    }

    [Fact]
    public void Absolute_paths_are_kept()
    {
        var options = new StageGateSettings { Dockerfile = "/repo/Dockerfile", Context = "/repo" }.ToValues(WorkingDirectory).Resolve();

        Assert.Equal(("/repo/Dockerfile", "/repo"), (options.Dockerfile, options.Get(OptionTable.Context)));
    }

    [Fact]
    public void Unset_paths_stay_unset_so_stagegate_json_can_fill_them()
    {
        var options = new StageGateSettings().ToValues(WorkingDirectory).Resolve();

        Assert.Equal(new string?[3], new[] { options.Get(OptionTable.Context), options.Get(OptionTable.Baseline), options.Get(OptionTable.ReportPath) });
        Assert.Equal((OptionSource.Default, "docker"), (options.SourceOf(OptionTable.DockerPath), options.Docker));
    }

    [Fact]
    public void Lists_and_maps_reach_the_options_in_order()
    {
        var settings = new StageGateSettings
        {
            TestTargets = { "unit", "lint" },
            Tags = { "app:1", "app:latest" },
            Platforms = { "linux/amd64", "linux/arm64" },
            BuildArgs = { ["VERSION"] = "1.2", ["CONFIG"] = "a=b c" },
            Labels = { ["org.opencontainers.image.source"] = "https://example.test/repo" },
        };

        var options = settings.ToValues(WorkingDirectory).Resolve();

        Assert.Equal(["unit", "lint"], options.Get(OptionTable.TestTargets));
        Assert.Equal(["app:1", "app:latest"], options.Get(OptionTable.Tags));
        Assert.Equal(["linux/amd64", "linux/arm64"], options.Get(OptionTable.Platforms));
        Assert.Equal("a=b c", options.Get(OptionTable.BuildArgs)["CONFIG"]);
        Assert.Equal("https://example.test/repo", options.Get(OptionTable.Labels)["org.opencontainers.image.source"]);
    }

    [Fact]
    public void Changing_the_settings_after_mapping_does_not_change_the_options()
    {
        var settings = new StageGateSettings { TestTargets = { "test" }, BuildArgs = { ["A"] = "1" } };
        var options = settings.ToValues(WorkingDirectory).Resolve();

        settings.TestTargets.Add("lint");
        settings.BuildArgs["A"] = "2";

        Assert.Equal((1, "1"), (options.Get(OptionTable.TestTargets).Count, options.Get(OptionTable.BuildArgs)["A"]));
    }

    [Fact]
    public void Empty_values_passed_through_from_script_arguments_count_as_unset()
    {
        var settings = new StageGateSettings
        {
            FinalTarget = "",
            SizeBudget = " ",
            GrowthBudget = "",
            Builder = "",
            TestTargets = { "", "test" },
        };

        var options = settings.ToValues(WorkingDirectory).Resolve();

        Assert.Equal(new string?[4], new[] { options.Get(OptionTable.FinalTarget), options.Get(OptionTable.SizeBudget), options.Get(OptionTable.GrowthBudget), options.Get(OptionTable.Builder) });
        Assert.Equal(["test"], options.Get(OptionTable.TestTargets));
    }

    [Fact]
    public void A_secret_file_resolves_against_the_working_directory_and_an_environment_secret_keeps_its_variable_name()
    {
        var settings = new StageGateSettings()
            .WithSecret("npmrc", file: "secrets/.npmrc")
            .WithSecret("token", env: "NPM_TOKEN");

        var options = settings.ToValues(WorkingDirectory).Resolve();

        Assert.Equal(
            [new BuildSecret("npmrc", null, "/work/app/secrets/.npmrc"), new BuildSecret("token", "NPM_TOKEN")],
            options.Get(OptionTable.Secrets));
    }

    [Fact]
    public void Stagegate_json_is_read_unless_the_settings_say_no_config()
    {
        Assert.Equal(
            (true, false),
            (new StageGateSettings().ToValues(WorkingDirectory).Resolve().Get(OptionTable.NoConfig) is false,
             new StageGateSettings { NoConfig = true }.ToValues(WorkingDirectory).Resolve().Get(OptionTable.NoConfig) is false));
    }

    [Fact]
    public void A_bare_docker_name_is_left_for_the_PATH_lookup()
    {
        var options = new StageGateSettings { DockerPath = "podman" }.ToValues(WorkingDirectory).Resolve();

        Assert.Equal("podman", options.Get(OptionTable.DockerPath));
    }

    [Fact]
    public void A_relative_docker_path_resolves_against_the_working_directory()
    {
        var options = new StageGateSettings { DockerPath = "tools/docker" }.ToValues(WorkingDirectory).Resolve();

        Assert.Equal("/work/app/tools/docker", options.Get(OptionTable.DockerPath));
    }

    [Fact]
    public void The_fluent_helpers_set_the_options_they_are_named_after()
    {
        var settings = new StageGateSettings()
            .WithDockerfile("Dockerfile.prod")
            .WithContext("app")
            .WithTestTarget("test")
            .WithFinalTarget("final")
            .WithTag("app:ci")
            .WithSizeBudget("150MB")
            .WithGrowthBudget("5%", "baseline.json")
            .WithReportPath("report.json")
            .WithBuildArg("VERSION", "2")
            .WithLabel("team", "build")
            .WithBuilder("ci")
            .WithPlatform("linux/amd64")
            .WithSequential()
            .WithNoConfig()
            .WithDockerPath("/usr/bin/docker")
            .WithReturnResultOnFailure();

        var options = settings.ToValues(WorkingDirectory).Resolve();

        Assert.Equal(
            ("/work/app/Dockerfile.prod", "/work/app/app", "final", "150MB", "5%", "/work/app/baseline.json", "/work/app/report.json", "ci", true, false, "/usr/bin/docker"),
            (options.Dockerfile, options.Get(OptionTable.Context), options.Get(OptionTable.FinalTarget), options.Get(OptionTable.SizeBudget), options.Get(OptionTable.GrowthBudget), options.Get(OptionTable.Baseline), options.Get(OptionTable.ReportPath), options.Get(OptionTable.Builder), options.Get(OptionTable.Sequential), !options.Get(OptionTable.NoConfig), options.Get(OptionTable.DockerPath)));
        Assert.Equal(
            ("test", "app:ci", "linux/amd64", "2", "build"),
            (options.Get(OptionTable.TestTargets).Single(), options.Get(OptionTable.Tags).Single(), options.Get(OptionTable.Platforms).Single(), options.Get(OptionTable.BuildArgs)["VERSION"], options.Get(OptionTable.Labels)["team"]));
        Assert.True(settings.ReturnResultOnFailure);
    }
}
