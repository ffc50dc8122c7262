using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StageGate.IntegrationTests.MSBuild;

/// <summary>
/// Visual Studio's path, tested without Visual Studio: the task that runs the packed stagegate CLI, compiled for .NET
/// too and chosen with StageGateOutOfProcess=true, gated end to end by the real <c>dotnet build</c>; the .NET Framework
/// assembly run where the targets are told the runtime is Full; MSBuild 18's .NET task host; the package's layout.
/// The unchanged-build skip and cancellation, shared by both paths, are theories in <see cref="MSBuildPackageTests"/>.
/// </summary>
[Collection(MSBuildPackageCollection.Name)]
public sealed class VisualStudioPathTests(PackedMSBuildPackage package, ITestOutputHelper output)
{
    private const string OutOfProcess = "<StageGateOutOfProcess>true</StageGateOutOfProcess>";

    private const string PassedSummary = "StageGate: tests passed (1 stage), final image 3B uncompressed";

    // The runtime cannot be set on the command line; the package reads it through this property for tests.
    private const string FullMSBuild = "-p:_StageGateMSBuildRuntimeType=Full";

    private static readonly Dictionary<string, string?> OutsideCi = StageGate.Ci.CiEnvironment.Variables.ToDictionary(name => name, _ => (string?)null);

    private GatedProject Project(string name, string? dockerfile = TestDockerfiles.Passing, string properties = OutOfProcess) =>
        new(package, output, "vs-" + name, dockerfile, properties);

    [Fact]
    public void The_package_carries_the_NET_task_the_NET_Framework_task_and_the_CLI_they_run()
    {
        using var nupkg = ZipFile.OpenRead(Path.Combine(package.Root, "feed", $"StageGate.MSBuild.{package.Version}.nupkg"));
        var entries = nupkg.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal)
        {
            "tasks/net8.0/StageGate.MSBuild.dll", "tasks/net8.0/StageGate.dll", "tasks/net472/StageGate.MSBuild.dll",
            "tools/net8.0/StageGate.Tool.dll", "tools/net8.0/StageGate.Tool.runtimeconfig.json", "tools/net8.0/StageGate.Tool.deps.json",
            "tools/net8.0/StageGate.dll", "tools/net8.0/System.CommandLine.dll",
            "build/StageGate.MSBuild.props", "build/StageGate.MSBuild.targets", "build/StageGate.MSBuild.TaskHost.targets",
        }, entries);
        // The .NET Framework task stands alone: Visual Studio loads nothing beside it but MSBuild's own assemblies.
        Assert.Equal(["tasks/net472/StageGate.MSBuild.dll"], entries.Where(e => e.StartsWith("tasks/net472/", StringComparison.Ordinal)));
        Assert.Contains("mscorlib", References(nupkg, "tasks/net472/StageGate.MSBuild.dll"));
        Assert.Contains("System.Runtime", References(nupkg, "tasks/net8.0/StageGate.MSBuild.dll"));
    }

    [Theory]
    [InlineData("Core", "", "InProcess", null)]
    [InlineData("Core", "StageGateOutOfProcess=true", "Tool", "tasks/net8.0/StageGate.MSBuild.dll")]
    [InlineData("Full", "", "Tool", "tasks/net472/StageGate.MSBuild.dll")]
    [InlineData("Full", "StageGateTaskRuntime=NET", "TaskHost", null)]
    public async Task The_targets_choose_the_task_by_the_MSBuild_runtime(string runtime, string property, string mode, string? toolTaskAssembly)
    {
        var project = Project("choice-" + runtime + (property.Length == 0 ? "" : "-" + property.Split('=')[0]), properties: "");
        string[] globals = property.Length == 0 ? ["_StageGateMSBuildRuntimeType=" + runtime] : ["_StageGateMSBuildRuntimeType=" + runtime, property];

        var evaluated = await project.EvaluateAsync(["_StageGateTaskMode", "_StageGateToolTaskAssembly"], globals);

        Assert.Equal(mode, evaluated["_StageGateTaskMode"]);
        if (toolTaskAssembly is not null)
        {
            Assert.EndsWith(toolTaskAssembly, Path.GetFullPath(evaluated["_StageGateToolTaskAssembly"]).Replace('\\', '/'), StringComparison.Ordinal);
            Assert.True(File.Exists(evaluated["_StageGateToolTaskAssembly"]), "the chosen task assembly is not in the restored package");
        }
    }

    [Fact]
    public async Task Through_the_CLI_a_project_gates_the_image_and_hands_its_outputs_to_later_targets()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("passes", properties: OutOfProcess + "<StageGateSizeBudget>1MB</StageGateSizeBudget>");

        var build = await project.BuildAsync();

        Assert.True(build.Succeeded, "the build failed");
        Assert.Equal(1, build.CountLines($"{PassedSummary} ≤ 1MB budget"));
        Assert.Matches(@"OUTPUTS image=sha256:[0-9a-f]{64} size=3 report=\S+/obj/stagegate/report\.json", build.Output);
        Assert.True(File.Exists(project.StampFile), "a passing run left no stamp");
    }

    [Fact]
    public async Task Through_the_CLI_a_failing_test_step_fails_the_build_at_its_Dockerfile_line_with_the_step_output()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("test-fails", TestDockerfiles.FailingTest);

        var build = await project.BuildAsync();

        Assert.False(build.Succeeded, "the build passed");
        var dockerfile = Path.Combine(project.Folder, "Dockerfile");
        Assert.Contains($"{dockerfile}(4,1): error SG3001: Test stage 'test' failed", build.Output, StringComparison.Ordinal);
        Assert.Contains($"{dockerfile}(4,1): error SG3001:   looking for /missing.txt", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB6006", build.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(project.StampFile), "a failed run left a passed stamp");
    }

    [Fact]
    public async Task Through_the_CLI_an_image_over_its_size_budget_fails_the_build_with_both_sizes()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("over-budget", TestDockerfiles.HeavyFinal, OutOfProcess + "<StageGateSizeBudget>100kB</StageGateSizeBudget>");

        var build = await project.BuildAsync();

        Assert.False(build.Succeeded, "the build passed");
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(project.Folder)}/Dockerfile\(5,1\): error SG4001: Final image '[^']+' .*MB.*100kB", build.Output);
    }

    [Fact]
    public async Task Visual_Studios_NET_Framework_task_itself_gates_the_image_through_the_CLI()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        // .NET can load the net472 assembly: the code Visual Studio runs, run here (on .NET, not .NET Framework).
        var project = Project("full-framework", properties: "");

        var build = await project.BuildAsync(FullMSBuild, "-v:d");

        Assert.True(build.Succeeded, "the build failed");
        Assert.Matches(@"Using ""CheckStageGatesWithTool"" task from assembly "".*/tasks/net472/StageGate\.MSBuild\.dll""", build.Output);
        Assert.Equal(1, build.CountLines(PassedSummary));
        Assert.DoesNotContain("SG2008", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MSBuild_18_runs_the_NET_task_in_its_task_host_when_the_project_asks_for_it()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("task-host", properties: "<StageGateTaskRuntime>NET</StageGateTaskRuntime>");

        var build = await project.BuildAsync(FullMSBuild, "-v:d");

        Assert.True(build.Succeeded, "the build failed");
        Assert.Contains("Launching task \"CheckStageGates\"", build.Output, StringComparison.Ordinal);
        Assert.Contains("external task host", build.Output, StringComparison.Ordinal);
        Assert.Equal(1, build.CountLines(PassedSummary));
    }

    [Fact]
    public async Task Visual_Studios_container_fast_mode_is_said_once_with_how_to_run_the_gated_image()
    {
        // No Docker needed: the note comes before the gates, which then warn that they did not run.
        var project = Project("fast-mode", properties: "<ContainerDevelopmentMode>Fast</ContainerDevelopmentMode><DockerfileFastModeStage>base</DockerfileFastModeStage>");

        var build = await project.BuildExactlyAsync(["-v:n", "-p:StageGateDockerPath=/nonexistent/stagegate/docker", "-p:BuildingInsideVisualStudio=true"], environment: OutsideCi);
        var commandLine = await project.BuildExactlyAsync(["-v:n", "-p:StageGateDockerPath=/nonexistent/stagegate/docker"], environment: OutsideCi);

        Assert.True(build.Succeeded, "the build failed");
        Assert.Equal(1, build.CountLines("SG4010"));
        Assert.Equal(0, commandLine.CountLines("SG4010"));
        Assert.Contains("builds only base of the Dockerfile", build.Output, StringComparison.Ordinal);
        Assert.Contains("ContainerDevelopmentMode=Regular", build.Output, StringComparison.Ordinal);
    }

    private static List<string> References(ZipArchive nupkg, string entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = nupkg.GetEntry(entry)!.Open())
        {
            stream.CopyTo(buffer);
        }
        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}
