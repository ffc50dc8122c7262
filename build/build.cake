// StageGate's own build. Run through ./build.sh or ./build.ps1 (they restore the pinned Cake tool).
//   ./build.sh                  main job: provision Docker where needed, build, gate the samples
//   ./build.sh --target=Test    build, pack and run every test
//   ./build.sh --target=PublishNative   installs the packed tool (Native AOT on linux-x64) into artifacts/native and smoke-tests it
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

bool IsLinuxX64() =>
    OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;

void ProvisionNativeToolchain()
{
    var exitCode = Run("bash", root.CombineWithFilePath("build/provision-native-toolchain.sh").FullPath);
    if (exitCode != 0) throw new CakeException($"The Native AOT toolchain could not be provisioned (exit {exitCode}); its output is above.");
}

// Native AOT, with trimming and AOT warnings failing the build: they mean code that may fail only in the native binary.
DotNetMSBuildSettings NativeSettings() => new DotNetMSBuildSettings()
    .SetContinuousIntegrationBuild(isCI)
    .WithProperty("PublishAot", "true")
    .WithProperty("IlcTreatWarningsAsErrors", "true")
    .WithProperty("TrimmerSingleWarn", "false");

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
    // The tool's package above only points at its payloads (ToolPackageRuntimeIdentifiers): the portable one,
    // and on a linux-x64 machine the Native AOT one, which needs clang to link.
    var tool = root.CombineWithFilePath("src/StageGate.Tool/StageGate.Tool.csproj").FullPath;
    DotNetPack(tool, new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages, Runtime = "any" });
    if (IsLinuxX64())
    {
        ProvisionNativeToolchain();
        DotNetPack(tool, new DotNetPackSettings
        {
            Configuration = configuration,
            OutputDirectory = packages,
            Runtime = "linux-x64",
            MSBuildSettings = NativeSettings(),
        });
    }
    else
    {
        Information("StageGate.Tool.linux-x64 is packed on linux-x64 machines only; this machine packs the portable tool.");
    }
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
    else if (OperatingSystem.IsLinux())
    {
        // Docker alone is not enough: the .NET sample builds FROM mcr.microsoft.com/dotnet/*:10.0, which are pulled or
        // seeded here where missing (provisioning above does the same). Quick when they are current, and needs no root.
        var seedExitCode = Run("bash", root.CombineWithFilePath("build/seed-dotnet-images.sh").FullPath);
        if (seedExitCode != 0) Warning("The .NET images could not be seeded (exit {0}; its output is above); samples/dotnet-app needs them.", seedExitCode);
    }
    // The .NET sample gates itself: its own `dotnet build` runs the StageGate.MSBuild just packed, which is staged into
    // the sample's local feed (its Dockerfile restores from there too). A private package cache: a StageGate.MSBuild of
    // the same version cached by an earlier build must not win.
    var dotnetSample = root.Combine("samples/dotnet-app");
    DeleteFiles(GetFiles(dotnetSample.FullPath + "/packages/*.nupkg"));
    CopyFiles(GetFiles(packages.FullPath + "/StageGate.MSBuild.*.nupkg"), dotnetSample.Combine("packages"));
    CleanDirectory(artifacts.Combine("sample-nuget"));
    var dotnetSampleFailed = false;
    try
    {
        DotNetBuild(dotnetSample.FullPath, new DotNetBuildSettings
        {
            Configuration = configuration,
            EnvironmentVariables = new Dictionary<string, string> { ["NUGET_PACKAGES"] = artifacts.Combine("sample-nuget").FullPath },
        });
    }
    catch (CakeException)
    {
        // Its errors are above; the other samples are still gated.
        dotnetSampleFailed = true;
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
    if (dotnetSampleFailed) throw new CakeException("samples/dotnet-app: its own dotnet build failed its gates; the errors are above.");
});

// The stagegate CLI as one Native AOT binary: it starts in milliseconds where the portable tool JIT-compiles
// for hundreds. Only linux-x64 is produced (the toolchain is provisioned here); elsewhere the dotnet tool is the way.
Task("PublishNative")
    .IsDependentOn("Pack")
    .Does(() =>
{
    if (!IsLinuxX64())
    {
        Information("The native stagegate is built for linux-x64 only; use the StageGate.Tool dotnet tool here.");
        return;
    }
    // The tool as a user gets it: `dotnet tool install` from the packed packages (a private cache, so a package of
    // the same version from an earlier build cannot win) must pick the Native AOT payload on this machine.
    var native = artifacts.Combine("native");
    CleanDirectory(native);
    CleanDirectory(artifacts.Combine("tool-nuget"));
    var version = GetFiles(packages.FullPath + "/StageGate.Tool.linux-x64.*.nupkg").Single().GetFilenameWithoutExtension().FullPath["StageGate.Tool.linux-x64.".Length..];
    var install = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("tool").Append("install").Append("--tool-path").AppendQuoted(native.FullPath)
            .Append("--add-source").AppendQuoted(packages.FullPath).Append("--version").Append(version).Append("StageGate.Tool"),
        WorkingDirectory = root,
        EnvironmentVariables = new Dictionary<string, string> { ["NUGET_PACKAGES"] = artifacts.Combine("tool-nuget").FullPath },
    });
    if (install != 0) throw new CakeException($"Installing the packed StageGate.Tool failed (exit {install}); its output is above.");

    // A smoke test of the installed binary: reflection that trimming removed fails here, not on a user's machine.
    var stagegate = native.CombineWithFilePath("stagegate").FullPath;
    if (Run(stagegate, "--version") != 0 || Run(stagegate, "stages", "--file", root.CombineWithFilePath("samples/wordfreq-c/Dockerfile").FullPath, "--format", "json") != 0)
    {
        throw new CakeException("The installed stagegate failed its smoke test; its output is above.");
    }
    // The native payload, not the portable one, is what a linux-x64 user runs.
    var target = new FileInfo(stagegate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? stagegate;
    if (!target.Contains("linux-x64", StringComparison.Ordinal)) throw new CakeException($"dotnet tool install chose {target}, not the linux-x64 payload.");
    Information("Native stagegate: {0} -> {1}", stagegate, target);
});

Task("CI")
    .IsDependentOn("Provision")
    .IsDependentOn("Test")
    .IsDependentOn("Samples")
    .IsDependentOn("PublishNative");

Task("Default")
    .IsDependentOn("Samples");

RunTarget(target);
