using StageGate.Diagnostics;
using StageGate.MSBuild;

namespace StageGate.Tests.MSBuild;

public class ProjectSettingsTests
{
    private static readonly string ProjectFolder = Path.Combine(Path.GetTempPath(), "app");
    private static readonly string ProjectFile = Path.Combine(ProjectFolder, "app.csproj");

    private static ProjectSettings Settings() => new()
    {
        ProjectFile = ProjectFile,
        Dockerfile = Path.Combine(ProjectFolder, "Dockerfile"),
    };

    private static ProjectItem Item(string include, params (string Name, string Value)[] metadata) =>
        new(include, metadata.ToDictionary(m => m.Name, m => m.Value, StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void Properties_the_project_leaves_empty_stay_unset_so_stagegate_json_can_fill_them()
    {
        var options = (Settings() with { FinalTarget = " ", SizeBudget = "", TestTargets = ["", " "] }).ToGateOptions();

        Assert.Null(options.FinalTarget);
        Assert.Null(options.SizeBudget);
        Assert.Null(options.GrowthBudget);
        Assert.Null(options.Context);
        Assert.Empty(options.TestTargets);
        Assert.Empty(options.Tags);
        Assert.True(options.UseConfigurationFile);
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_project_folder_as_MSBuild_does()
    {
        var options = (Settings() with
        {
            Dockerfile = "docker/Dockerfile",
            Context = "..",
            Baseline = "baseline/report.json",
            ReportPath = "obj/stagegate/report.json",
        }).ToGateOptions();

        Assert.Equal(Path.Combine(ProjectFolder, "docker", "Dockerfile"), options.Dockerfile);
        Assert.Equal(Path.GetFullPath(Path.Combine(ProjectFolder, "..")), options.Context);
        Assert.Equal(Path.Combine(ProjectFolder, "baseline", "report.json"), options.Baseline);
        Assert.Equal(Path.Combine(ProjectFolder, "obj", "stagegate", "report.json"), options.ReportPath);
    }

    [Fact]
    public void The_image_property_is_the_first_tag_and_tag_items_follow_without_duplicates()
    {
        var options = (Settings() with { Image = "app:dev", Tags = ["app:latest", "app:dev", ""] }).ToGateOptions();

        Assert.Equal(["app:dev", "app:latest"], options.Tags);
    }

    [Fact]
    public void Test_targets_are_trimmed_and_platforms_split_on_commas_and_semicolons()
    {
        var options = (Settings() with { TestTargets = [" unit ", "lint"], Platform = "linux/amd64, linux/arm64;linux/arm/v7" }).ToGateOptions();

        Assert.Equal(["unit", "lint"], options.TestTargets);
        Assert.Equal(["linux/amd64", "linux/arm64", "linux/arm/v7"], options.Platforms);
    }

    [Fact]
    public void Build_args_and_labels_map_names_to_values_and_a_later_item_wins()
    {
        var options = (Settings() with
        {
            BuildArgs = [Item("VERSION", ("Value", "1.0")), Item("EMPTY"), Item("VERSION", ("Value", "2.0"))],
            Labels = [Item("org.opencontainers.image.source", ("Value", "https://example.test/repo"))],
        }).ToGateOptions();

        Assert.Equal(new Dictionary<string, string> { ["VERSION"] = "2.0", ["EMPTY"] = "" }, options.BuildArgs);
        Assert.Equal("https://example.test/repo", options.Labels["org.opencontainers.image.source"]);
    }

    [Fact]
    public void A_secret_comes_from_an_environment_variable_or_a_file_beside_the_project()
    {
        var options = (Settings() with
        {
            Secrets = [Item("npm", ("Env", "NPM_TOKEN")), Item("cert", ("File", "secrets/cert.pem"))],
        }).ToGateOptions();

        Assert.Equal(
            [new("npm", "NPM_TOKEN"), new("cert", null, Path.Combine(ProjectFolder, "secrets", "cert.pem"))],
            options.Secrets);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_secret_with_both_or_neither_source_is_an_invalid_option_pointing_at_the_project(bool both)
    {
        var secret = both ? Item("npm", ("Env", "NPM_TOKEN"), ("File", "token.txt")) : Item("npm");

        var error = Assert.Throws<StageGateException>(() => (Settings() with { Secrets = [secret] }).ToGateOptions());

        Assert.Equal(Codes.InvalidOption.Code, error.Code);
        Assert.Equal(ProjectFile, error.Diagnostic.File);
        Assert.Contains("'npm'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_arg_without_a_name_is_an_invalid_option_pointing_at_the_project()
    {
        var error = Assert.Throws<StageGateException>(() => (Settings() with { BuildArgs = [Item(" ", ("Value", "1"))] }).ToGateOptions());

        Assert.Equal(Codes.InvalidOption.Code, error.Code);
        Assert.Equal(ProjectFile, error.Diagnostic.File);
    }

    [Theory]
    [InlineData("podman", "podman")]
    [InlineData("tools/docker", "tools/docker")]
    public void A_bare_docker_name_is_looked_up_on_PATH_and_a_path_is_taken_from_the_project_folder(string dockerPath, string expected)
    {
        var options = (Settings() with { DockerPath = dockerPath }).ToGateOptions();

        Assert.Equal(expected.Contains('/', StringComparison.Ordinal) ? Path.Combine(ProjectFolder, expected) : expected, options.DockerPath);
    }
}
