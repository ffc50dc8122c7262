// StageGate's own build. Run through ./build.sh or ./build.ps1 (they restore the pinned Cake tool).
//   ./build.sh                  main job: provision Docker where needed, build, gate the samples
//   ./build.sh --target=Test    build, pack and run every test
//   ./build.sh --target=PublishNative   the Native AOT stagegate for linux-x64 in artifacts/native
//   ./build.sh --target=CI      provision + build + test + pack + samples + native binary (what .ci/run does)
using System.Xml.Linq;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var root = MakeAbsolute(Directory(".."));
var solution = root.CombineWithFilePath("Integration.sln");
var artifacts = root.Combine("artifacts");
var packages = artifacts.Combine("packages");
var testResults = artifacts.Combine("test-results");
var isCI = string.Equals(EnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

// Runs a program with an argument list (no shell) and returns its exit code.
int Run(string program, params string[] arguments)
{
    var args = new ProcessArgumentBuilder();
    foreach (var a in arguments) args.Append(a);
    return StartProcess(program, new ProcessSettings { Arguments = args, WorkingDirectory = root });
}

bool DockerWorks()
{
    try
    {
        return Run("docker", "buildx", "version") == 0 && Run("docker", "info", "--format", "{{.ServerVersion}}") == 0;
    }
    catch (Exception ex) when (ex is CakeException or System.ComponentModel.Win32Exception)
    {
        // No docker client at all: provisioning installs one.
        return false;
    }
}

void Provision()
{
    var exitCode = Run("bash", root.CombineWithFilePath("build/provision-docker.sh").FullPath);
    if (exitCode != 0) throw new CakeException($"Docker provisioning failed (exit {exitCode}); its output is above.");
}

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(solution.FullPath, new DotNetCleanSettings { Configuration = configuration, Verbosity = DotNetVerbosity.Quiet });
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
        MSBuildSettings = new DotNetMSBuildSettings().SetContinuousIntegrationBuild(isCI),
    });
});

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(packages);
    DotNetPack(solution.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        // Not NoBuild: the MSBuild and Cake packages pack the core from their project references, which
        // asks for its Build target; after the Build task this is an up-to-date check.
        OutputDirectory = packages,
    });
    foreach (var package in GetFiles(packages.FullPath + "/*.nupkg"))
    {
        Information("Packed {0}", package.GetFilename());
    }
});

Task("Test")
    .IsDependentOn("Pack")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failures = new List<string>();
    foreach (var project in GetFiles(root.FullPath + "/tests/*/*.csproj"))
    {
        var name = project.GetFilenameWithoutExtension().FullPath;
        if (!name.EndsWith("Tests", StringComparison.Ordinal)) continue;
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                ResultsDirectory = testResults,
                Loggers = new[] { $"trx;LogFileName={name}.trx", "console;verbosity=normal" },
            });
        }
        catch (CakeException ex)
        {
            failures.Add($"{name}: {ex.Message}");
        }
    }

    // One plain closing line over every test project, read from the TRX files.
    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles(testResults.FullPath + "/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters is null) continue;
        passed += (int?)counters.Attribute("passed") ?? 0;
        failed += (int?)counters.Attribute("failed") ?? 0;
        skipped += (int?)counters.Attribute("notExecuted") ?? 0;
    }
    // Plain, uncoloured, alone on its line: the closing line CI reads.
    Console.WriteLine();
    Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
    if (failures.Count > 0 || failed > 0)
    {
        throw new CakeException("Tests failed:\n  " + string.Join("\n  ", failures));
    }
    if (passed == 0)
    {
        throw new CakeException("No test ran.");
    }
});

Task("Provision")
    .Does(() => Provision());

Task("Samples")
    .IsDependentOn("Pack")
    .Does(() =>
{
    if (!DockerWorks())
    {
        Information("Docker with buildx is not answering; provisioning it.");
        Provision();
    }
    // The samples are gated by the Cake addin packed above, loaded from artifacts/packages only.
    var addins = artifacts.Combine("cake-addins");
    CleanDirectory(addins);
    CleanDirectory(artifacts.Combine("cake-nuget"));
    var args = new ProcessArgumentBuilder()
        .Append("cake").AppendQuoted(root.CombineWithFilePath("build/samples.cake").FullPath)
        .Append("--nuget_source=" + packages.FullPath).Append("--paths_addins=" + addins.FullPath).Append("--verbosity=normal");
    // A private global-packages folder: a StageGate.Cake of the same version cached by an earlier build must not win.
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = args,
        WorkingDirectory = root,
        EnvironmentVariables = new Dictionary<string, string> { ["NUGET_PACKAGES"] = artifacts.Combine("cake-nuget").FullPath },
    });
    if (exitCode != 0) throw new CakeException($"Sample gates failed (exit {exitCode}); the verdicts are above.");
});

// The stagegate CLI as one Native AOT binary: it starts in milliseconds where the portable tool JIT-compiles
// for hundreds. Only linux-x64 is produced (the toolchain is provisioned here); elsewhere the dotnet tool is the way.
Task("PublishNative")
    .Does(() =>
{
    if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
    {
        Information("The native stagegate is built for linux-x64 only; use the StageGate.Tool dotnet tool here.");
        return;
    }
    var exitCode = Run("bash", root.CombineWithFilePath("build/provision-native-toolchain.sh").FullPath);
    if (exitCode != 0) throw new CakeException($"The Native AOT toolchain could not be provisioned (exit {exitCode}); its output is above.");

    var native = artifacts.Combine("native");
    CleanDirectory(native);
    DotNetPublish(root.CombineWithFilePath("src/StageGate.Tool/StageGate.Tool.csproj").FullPath, new DotNetPublishSettings
    {
        Configuration = configuration,
        Runtime = "linux-x64",
        OutputDirectory = native,
        MSBuildSettings = new DotNetMSBuildSettings()
            .SetContinuousIntegrationBuild(isCI)
            .WithProperty("PublishAot", "true")
            // Trimming and AOT warnings mean code that may fail only in the native binary: they fail the publish.
            .WithProperty("IlcTreatWarningsAsErrors", "true")
            .WithProperty("TrimmerSingleWarn", "false"),
    });
    // The command's name, as the dotnet tool installs it.
    MoveFile(native.CombineWithFilePath("StageGate.Tool"), native.CombineWithFilePath("stagegate"));

    // A smoke test of the binary itself: reflection that trimming removed fails here, not on a user's machine.
    var stagegate = native.CombineWithFilePath("stagegate").FullPath;
    if (Run(stagegate, "--version") != 0 || Run(stagegate, "stages", "--file", root.CombineWithFilePath("samples/wordfreq-c/Dockerfile").FullPath, "--format", "json") != 0)
    {
        throw new CakeException("The native stagegate failed its smoke test; its output is above.");
    }
    Information("Native stagegate: {0}", stagegate);
});

Task("CI")
    .IsDependentOn("Provision")
    .IsDependentOn("Test")
    .IsDependentOn("Samples")
    .IsDependentOn("PublishNative");

Task("Default")
    .IsDependentOn("Samples");

RunTarget(target);
