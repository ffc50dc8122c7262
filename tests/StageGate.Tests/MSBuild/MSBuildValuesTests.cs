using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tests.MSBuild;

public class MSBuildValuesTests
{
    private static readonly string ProjectFolder = Path.Combine(Path.GetTempPath(), "stagegate-msbuild-values", "app");
    private static readonly string ProjectFile = Path.Combine(ProjectFolder, "app.csproj");

    private static GateOptions Resolve(params (string Name, string Value)[] properties) => Resolve(properties, []);

    private static GateOptions Resolve((string Name, string Value)[] properties, (string Type, string Include, (string Name, string Value)[] Metadata)[] items) =>
        OptionResolver.Resolve(MSBuildValues.From(
            ProjectFile,
            properties,
            items.Select(i => (i.Type, i.Include, (IReadOnlyDictionary<string, string>)i.Metadata.ToDictionary(m => m.Name, m => m.Value, StringComparer.OrdinalIgnoreCase)))));

    [Fact]
    public void Properties_the_project_leaves_empty_stay_unset_so_stagegate_json_can_fill_them()
    {
        var options = Resolve(("StageGateFinalTarget", " "), ("StageGateSizeBudget", ""), ("StageGateTestTargets", ";  ;"));

        Assert.Equal(OptionSource.Default, options.SourceOf(OptionTable.FinalTarget));
        Assert.Null(options.Get(OptionTable.SizeBudget));
        Assert.Empty(options.Get(OptionTable.TestTargets));
        Assert.False(options.Get(OptionTable.NoConfig));
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_project_folder_as_MSBuild_does()
    {
        var options = Resolve(("StageGateDockerfile", "docker/Dockerfile"), ("StageGateContext", ".."), ("StageGateBaseline", "baseline/report.json"));

        Assert.Equal(Path.Combine(ProjectFolder, "docker", "Dockerfile"), options.Dockerfile);
        Assert.Equal(Path.GetFullPath(Path.Combine(ProjectFolder, "..")), options.Get(OptionTable.Context));
        Assert.Equal(Path.Combine(ProjectFolder, "baseline", "report.json"), options.Get(OptionTable.Baseline));
    }

    [Fact]
    public void The_image_property_is_the_first_tag_and_tag_items_follow_without_duplicates()
    {
        var options = Resolve([("StageGateImage", "app:dev")], [("StageGateTag", "app:latest", []), ("StageGateTag", "app:dev", [])]);

        Assert.Equal(["app:dev", "app:latest"], options.Get(OptionTable.Tags));
    }

    [Fact]
    public void List_properties_split_on_semicolons_and_platforms_on_commas_too()
    {
        var options = Resolve(("StageGateTestTargets", " unit ;lint"), ("StageGatePlatform", "linux/amd64, linux/arm64;linux/arm/v7"));

        Assert.Equal(["unit", "lint"], options.Get(OptionTable.TestTargets));
        Assert.Equal(["linux/amd64", "linux/arm64", "linux/arm/v7"], options.Get(OptionTable.Platforms));
    }

    [Fact]
    public void Build_args_and_labels_map_names_to_values_and_a_later_item_wins()
    {
        var options = Resolve([], [
            ("StageGateBuildArg", "VERSION", [("Value", "1.0")]),
            ("StageGateBuildArg", "EMPTY", []),
            ("StageGateBuildArg", "VERSION", [("Value", "2.0")]),
            ("StageGateLabel", "org.opencontainers.image.source", [("Value", "https://example.test/repo")]),
        ]);

        Assert.Equal(new Dictionary<string, string> { ["VERSION"] = "2.0", ["EMPTY"] = "" }, options.Get(OptionTable.BuildArgs));
        Assert.Equal("https://example.test/repo", options.Get(OptionTable.Labels)["org.opencontainers.image.source"]);
    }

    [Fact]
    public void A_secret_comes_from_an_environment_variable_a_file_beside_the_project_or_the_variable_named_like_it()
    {
        var options = Resolve([], [
            ("StageGateSecret", "npm", [("Env", "NPM_TOKEN")]),
            ("StageGateSecret", "cert", [("File", "secrets/cert.pem")]),
            ("StageGateSecret", "GH_TOKEN", []),
        ]);

        Assert.Equal(
            [new("npm", "NPM_TOKEN"), new("cert", null, Path.Combine(ProjectFolder, "secrets", "cert.pem")), new BuildSecret("GH_TOKEN")],
            options.Get(OptionTable.Secrets));
    }

    [Fact]
    public void A_secret_with_both_sources_is_an_invalid_option_pointing_at_the_project()
    {
        var error = Assert.Throws<StageGateException>(() => Resolve([], [("StageGateSecret", "npm", [("Env", "NPM_TOKEN"), ("File", "token.txt")])]));

        Assert.Equal((Codes.InvalidOption.Code, ProjectFile), (error.Code, error.Diagnostic.File));
        Assert.Contains("'npm'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_arg_without_a_name_is_an_invalid_option_pointing_at_the_project()
    {
        var error = Assert.Throws<StageGateException>(() => Resolve([], [("StageGateBuildArg", " ", [("Value", "1")])]));

        Assert.Equal((Codes.InvalidOption.Code, ProjectFile), (error.Code, error.Diagnostic.File));
        Assert.Contains("StageGateBuildArg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_budget_keeps_its_own_code_names_the_property_and_points_at_the_project()
    {
        var error = Assert.Throws<StageGateException>(() => Resolve(("StageGateSizeBudget", "150 megs")));

        Assert.Equal((Codes.InvalidSize.Code, ProjectFile), (error.Code, error.Diagnostic.File));
        Assert.StartsWith("StageGateSizeBudget: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_property_set_to_false_is_set_and_anything_but_true_or_false_is_an_error()
    {
        Assert.Equal(OptionSource.FrontEnd, Resolve(("StageGateSequential", "False")).SourceOf(OptionTable.Sequential));
        var error = Assert.Throws<StageGateException>(() => Resolve(("StageGateSequential", "yes")));
        Assert.Contains("StageGateSequential must be true or false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("podman", "podman")]
    [InlineData("tools/docker", "tools/docker")]
    public void A_bare_docker_name_is_looked_up_on_PATH_and_a_path_is_taken_from_the_project_folder(string dockerPath, string expected)
    {
        var options = Resolve(("StageGateDockerPath", dockerPath));

        Assert.Equal(expected.Contains('/', StringComparison.Ordinal) ? Path.Combine(ProjectFolder, expected) : expected, options.Get(OptionTable.DockerPath));
    }

    [Fact]
    public void A_property_the_table_does_not_know_means_the_package_is_inconsistent()
    {
        var error = Assert.Throws<StageGateException>(() => Resolve(("StageGateSizeBugdet", "1MB")));

        Assert.Equal(Codes.Unexpected.Code, error.Code);
        Assert.Contains("StageGateSizeBugdet", error.Message, StringComparison.Ordinal);
    }
}
