using System.Text;
using StageGate.Processes;

namespace StageGate.IntegrationTests.MSBuild;

/// <summary>
/// The packed StageGate.MSBuild package in real projects built with the real <c>dotnet build</c>,
/// gating tiny busybox Dockerfiles through the real docker buildx.
/// </summary>
[Collection(MSBuildPackageCollection.Name)]
public sealed class MSBuildPackageTests(PackedMSBuildPackage package, ITestOutputHelper output)
{
    private const string PassingDockerfile = TestDockerfiles.Passing;

    private const string FailingTestDockerfile = TestDockerfiles.FailingTest;

    private const string HeavyFinalDockerfile = TestDockerfiles.HeavyFinal;

    private const string PassedSummary = "StageGate: tests passed (1 stage), final image 3B uncompressed";

    private const string Skipped = "StageGate: inputs unchanged since the last passing run; skipped";

    // A docker path that names no program: the probe finds no engine before any build, as on a machine without Docker.
    private const string NoDocker = "-p:StageGateDockerPath=/nonexistent/stagegate/docker";

    // A developer's machine: none of the variables that say CI or a container, whatever the test run itself has.
    private static readonly Dictionary<string, string?> OutsideCi =
        StageGate.Ci.CiEnvironment.Variables.Append("DOTNET_RUNNING_IN_CONTAINER").ToDictionary(name => name, _ => (string?)null);

    private GatedProject Project(string name, string? dockerfile = PassingDockerfile, string properties = "", string targetFrameworks = "net10.0") =>
        new(package, output, name, dockerfile, properties, targetFrameworks);

    [Fact]
    public async Task A_project_with_a_Dockerfile_gates_the_image_after_build_and_hands_its_outputs_to_later_targets()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("passes", properties: "<StageGateSizeBudget>1MB</StageGateSizeBudget>");

        var build = await project.BuildAsync();

        Assert.True(build.Succeeded, "the build failed");
        Assert.Equal(1, build.CountLines($"{PassedSummary} ≤ 1MB budget"));
        Assert.Matches(@"OUTPUTS image=sha256:[0-9a-f]{64} size=3 report=\S+/obj/stagegate/report\.json", build.Output);
        Assert.True(File.Exists(Path.Combine(project.Folder, "obj", "stagegate", "report.json")), "no report under obj/");
    }

    [Fact]
    public async Task A_failing_test_step_fails_the_build_at_its_Dockerfile_line_with_the_step_output()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("test-fails", FailingTestDockerfile);

        var build = await project.BuildAsync();

        Assert.False(build.Succeeded, "the build passed");
        var dockerfile = Path.Combine(project.Folder, "Dockerfile");
        Assert.Contains($"{dockerfile}(4,1): error SG3001: Test stage 'test' failed", build.Output, StringComparison.Ordinal);
        Assert.Contains($"{dockerfile}(4,1): error SG3001:   looking for /missing.txt", build.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(project.StampFile), "a failed run left a passed stamp");
    }

    [Fact]
    public async Task An_image_over_its_size_budget_fails_the_build_with_both_sizes()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("over-budget", HeavyFinalDockerfile, "<StageGateSizeBudget>100kB</StageGateSizeBudget>");

        var build = await project.BuildAsync();

        Assert.False(build.Succeeded, "the build passed");
        Assert.Matches($@"{Regex(project.Folder)}/Dockerfile\(5,1\): error SG4001: Final image '[^']+' .*MB.*100kB", build.Output);
        Assert.Contains("over its 100kB budget", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_test_target_in_a_property_fails_at_the_project_file_before_docker_runs()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("unknown-target", properties: "<StageGateTestTargets>tests</StageGateTestTargets>");

        var build = await project.BuildAsync();

        Assert.False(build.Succeeded, "the build passed");
        Assert.Contains($"{Path.Combine(project.Folder, project.Name)}.csproj : error SG1008:", build.Output, StringComparison.Ordinal);
        Assert.Contains("'tests'", build.Output, StringComparison.Ordinal);
        Assert.Empty(project.DockerCommands());
    }

    [Fact]
    public async Task A_multi_targeted_project_gates_once_after_all_its_target_frameworks()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("multi-target", targetFrameworks: "net8.0;net10.0");

        var build = await project.BuildAsync();

        Assert.True(build.Succeeded, "the build failed");
        Assert.Contains("multi-target.dll", build.Output, StringComparison.Ordinal);
        Assert.Equal(1, build.CountLines(PassedSummary));
        Assert.Equal(1, project.DockerCommands().Count(c => c.StartsWith("buildx bake", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Building_one_framework_of_a_multi_targeted_project_gates_after_a_context_change()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("multi-target-one-framework", targetFrameworks: "net8.0;net10.0");
        Assert.True((await project.BuildAsync()).Succeeded, "the first build failed");

        project.Write("config/app.txt", "a file the image could COPY");
        var second = await project.BuildAsync("-f", "net8.0");

        Assert.True(second.Succeeded, "the second build failed");
        Assert.DoesNotContain(Skipped, second.Output, StringComparison.Ordinal);
        Assert.Equal(1, second.CountLines(PassedSummary));
    }

    [Fact]
    public async Task An_unchanged_second_build_whose_image_was_deleted_gates_again()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        // A label of its own gives the image an id no other test's image shares, so removing it touches nothing else.
        var project = Project("image-deleted", $"{PassingDockerfile}\nLABEL stagegate.test={Guid.NewGuid():N}\n");
        var first = await project.BuildAsync();
        Assert.True(first.Succeeded, "the first build failed");
        var imageId = System.Text.RegularExpressions.Regex.Match(first.Output, @"OUTPUTS image=(sha256:[0-9a-f]{64})").Groups[1].Value;
        await DeleteImageAsync(imageId);

        var second = await project.BuildAsync();

        Assert.True(second.Succeeded, "the second build failed");
        Assert.DoesNotContain(Skipped, second.Output, StringComparison.Ordinal);
        Assert.Contains($"the image of the last passing run ({imageId}) cannot be found; running the gates again", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, second.CountLines(PassedSummary));
    }

    // Both task paths: in process, and Visual Studio's through the CLI (StageGateOutOfProcess), share one skip.
    [Theory]
    [InlineData("unchanged", "")]
    [InlineData("unchanged-through-cli", "<StageGateOutOfProcess>true</StageGateOutOfProcess>")]
    public async Task An_unchanged_second_build_skips_the_gates_without_starting_docker(string name, string properties)
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project(name, properties: properties);
        Assert.True((await project.BuildAsync()).Succeeded, "the first build failed");
        File.Delete(project.DockerCalls);

        var second = await project.BuildAsync();

        Assert.True(second.Succeeded, "the second build failed");
        Assert.Contains(Skipped, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(PassedSummary, second.Output, StringComparison.Ordinal);
        Assert.Empty(project.DockerCommands());
        Assert.Matches(@"OUTPUTS image=sha256:[0-9a-f]{64} size=3 ", second.Output);
    }

    [Fact]
    public async Task A_changed_file_in_the_build_context_runs_the_gates_again()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("context-changed");
        Assert.True((await project.BuildAsync()).Succeeded, "the first build failed");

        project.Write("config/app.txt", "a file the image could COPY");
        var second = await project.BuildAsync();

        Assert.True(second.Succeeded, "the second build failed");
        Assert.DoesNotContain(Skipped, second.Output, StringComparison.Ordinal);
        Assert.Equal(1, second.CountLines(PassedSummary));
    }

    [Fact]
    public async Task A_changed_file_that_dockerignore_leaves_out_does_not_run_the_gates_again()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("ignored-changed");
        Assert.True((await project.BuildAsync()).Succeeded, "the first build failed");
        File.Delete(project.DockerCalls);

        project.Write("NOTES.md", "ignored by *.md in .dockerignore");
        var second = await project.BuildAsync();

        Assert.True(second.Succeeded, "the second build failed");
        Assert.Contains(Skipped, second.Output, StringComparison.Ordinal);
        Assert.Empty(project.DockerCommands());
    }

    [Fact]
    public async Task The_terminal_logger_shows_a_failing_test_step_at_its_Dockerfile_line()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("terminal-logger", FailingTestDockerfile);

        var build = await project.BuildExactlyAsync(["-tl:on"]);

        Assert.False(build.Succeeded, "the build passed");
        var plain = System.Text.RegularExpressions.Regex.Replace(build.Output, @"\x1b(\[[0-9;?]*[A-Za-z]|\]8;;[^\x1b]*\x1b\\|\][^\x1b]*\x1b\\)", "");
        Assert.Contains("Dockerfile(4,1): error SG3001:", plain, StringComparison.Ordinal);
        Assert.Contains("looking for /missing.txt", plain, StringComparison.Ordinal);
    }

    // Both task paths: Cancel stops the in-process task's buildx, and Visual Studio's CLI with its process tree.
    [Theory]
    [InlineData("cancelled", "")]
    [InlineData("cancelled-through-cli", "<StageGateOutOfProcess>true</StageGateOutOfProcess>")]
    public async Task Cancelling_the_build_stops_buildx_and_leaves_no_process_behind(string name, string properties)
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project(name, MarkedProcesses.SleepingTestDockerfile, properties);

        var (build, left) = await MarkedProcesses.InterruptedBuildAsync(project);

        Assert.Contains("error SG2007:", build.Output, StringComparison.Ordinal);
        Assert.Empty(left);
    }

    [Fact]
    public async Task A_build_on_a_developer_machine_without_Docker_warns_that_the_gates_did_not_run_and_succeeds()
    {
        var project = Project("no-docker");

        var build = await project.BuildExactlyAsync(["-v:n", NoDocker], environment: OutsideCi);

        Assert.True(build.Succeeded, "the build failed");
        Assert.Contains($"{Path.Combine(project.Folder, project.Name)}.csproj : warning SG2014: The gates did not run, so the image was not gated: no Docker engine (SG2001: ", build.Output, StringComparison.Ordinal);
        Assert.Contains("set StageGateRequireDocker=true to require Docker, or StageGateEnabled=false to turn the gates off", build.Output, StringComparison.Ordinal);
        Assert.Equal(1, build.CountLines("StageGate: not run, no Docker engine"));
        Assert.DoesNotContain("error SG", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("StageGate: tests passed", build.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(project.StampFile), "a run that did not happen left a passed stamp");
    }

    [Fact]
    public async Task A_build_inside_a_container_without_Docker_says_nothing_even_without_its_Dockerfile()
    {
        // A Dockerfile's own build on the SDK image: no engine, and the Dockerfile was never copied into the image.
        var project = Project("in-container", dockerfile: null, properties: "<StageGateDockerfile>../not-copied/Dockerfile</StageGateDockerfile>");

        var build = await project.BuildExactlyAsync(["-tl:off", NoDocker],
            environment: new Dictionary<string, string?>(OutsideCi) { ["DOTNET_RUNNING_IN_CONTAINER"] = "true" });

        Assert.True(build.Succeeded, "the build failed");
        Assert.DoesNotContain("SG", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("StageGate:", build.Output, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_without_Docker_fails_with_SG2001_in_CI()
    {
        var project = Project("no-docker-ci");

        var build = await project.BuildExactlyAsync(["-v:n", NoDocker], environment: new Dictionary<string, string?>(OutsideCi) { ["CI"] = "true" });

        Assert.False(build.Succeeded, "the build passed");
        Assert.Contains("error SG2001: Could not start", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SG2014", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_without_Docker_that_requires_it_fails_with_SG2001_outside_CI()
    {
        var project = Project("no-docker-required", properties: "<StageGateRequireDocker>true</StageGateRequireDocker>");

        var build = await project.BuildExactlyAsync(["-v:n", NoDocker], environment: OutsideCi);

        Assert.False(build.Succeeded, "the build passed");
        Assert.Contains("error SG2001: Could not start", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strict_build_with_warnaserror_still_succeeds_without_Docker()
    {
        var project = Project("no-docker-strict");

        var build = await project.BuildExactlyAsync(["-v:n", NoDocker, "-warnaserror"], environment: OutsideCi);

        Assert.True(build.Succeeded, "the build failed");
        Assert.Contains("warning SG2014:", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error SG2014", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_the_gates_off_builds_without_running_them()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("disabled");

        var build = await project.BuildAsync("-p:StageGateEnabled=false");

        Assert.True(build.Succeeded, "the build failed");
        Assert.DoesNotContain("StageGate:", build.Output, StringComparison.Ordinal);
        Assert.Empty(project.DockerCommands());
    }

    [Fact]
    public async Task The_StageGate_target_runs_the_gates_alone()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var project = Project("target-alone", properties: "<StageGateEnabled>false</StageGateEnabled>");

        var build = await project.BuildAsync("-t:StageGate");

        Assert.True(build.Succeeded, "the build failed");
        Assert.Equal(1, build.CountLines(PassedSummary));
        Assert.DoesNotContain("target-alone.dll", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_Dockerfile_the_build_does_nothing_but_say_so_quietly()
    {
        var project = Project("no-dockerfile", dockerfile: null);

        var build = await project.BuildAsync("-v:d");

        Assert.True(build.Succeeded, "the build failed");
        Assert.Contains("StageGate: no Dockerfile beside the project", build.Output, StringComparison.Ordinal);
        Assert.Empty(project.DockerCommands());
    }

    // As a user would: the docker CLI, forced because the gates tagged the image.
    private async Task DeleteImageAsync(string imageId)
    {
        var error = new StringBuilder();
        var result = await ProcessRunner.RunAsync(
            new ProcessCommand("docker").WithArguments(["image", "rm", "--force", imageId]),
            OutputTarget.ToLines(output.WriteLine), OutputTarget.ToStringBuilder(error), CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"docker image rm failed: {error}");
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
