using System.Text.RegularExpressions;
using System.Xml.Linq;
using StageGate.Diagnostics;

namespace StageGate.Tests.MSBuild;

public class PackageTargetsTests
{
    private static readonly string PackageFolder = Path.Combine(RepoRoot.Path, "src", "StageGate.MSBuild");

    private static string Targets => File.ReadAllText(Path.Combine(PackageFolder, "build", "StageGate.MSBuild.targets"));

    [Fact]
    public void The_warning_for_an_MSBuild_that_cannot_load_the_task_uses_its_documented_code()
    {
        var warning = XDocument.Parse(Targets).Descendants("Warning").Single();

        Assert.Equal(Codes.MSBuildRuntimeNotSupported.Code, warning.Attribute("Code")?.Value);
        Assert.Contains(".NET 8 SDK or later", warning.Attribute("Text")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_note_on_Visual_Studios_container_fast_mode_uses_its_documented_code_and_says_how_to_run_the_gated_image()
    {
        var note = XDocument.Parse(Targets).Descendants("Message").Single(m => m.Attribute("Code") is not null);

        Assert.Equal(Codes.ContainerFastMode.Code, note.Attribute("Code")?.Value);
        Assert.Contains("ContainerDevelopmentMode=Regular", note.Attribute("Text")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_StageGate_property_and_item_the_targets_read_is_documented()
    {
        var optionsDoc = Path.Combine(RepoRoot.Path, "docs", "options.md");
        var docs = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md")) + (File.Exists(optionsDoc) ? File.ReadAllText(optionsDoc) : "");
        var names = Regex.Matches(Targets, @"[$@]\((StageGate\w+)\)").Select(m => m.Groups[1].Value).Distinct().ToList();

        var undocumented = names.Where(name => !docs.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(names);
        Assert.True(undocumented.Count == 0, "Not in README.md or docs/options.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void The_multi_targeting_files_reuse_the_single_target_ones()
    {
        foreach (var extension in new[] { "props", "targets" })
        {
            var file = XDocument.Load(Path.Combine(PackageFolder, "buildMultiTargeting", $"StageGate.MSBuild.{extension}"));
            Assert.Equal($"$(MSBuildThisFileDirectory)../build/StageGate.MSBuild.{extension}", file.Descendants("Import").Single().Attribute("Project")?.Value);
        }
    }
}
