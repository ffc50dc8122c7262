using System.Text;
using System.Text.RegularExpressions;
using StageGate.Processes;
using StageGate.Tests;

namespace StageGate.IntegrationTests.Cake;

/// <summary>
/// A throw-away folder holding a Dockerfile and a <c>build.cake</c> that loads the packed StageGate.Cake
/// addin from artifacts/packages, run with the repository's pinned <c>dotnet cake</c>. Each script gets
/// its own addins folder and NuGet settings, so no addin cached by an earlier run is reused.
/// </summary>
internal sealed class CakeScript : IDisposable
{
    private const string PackageId = "StageGate.Cake";

    // The pinned Cake tool is restored once per test run; it is a no-op when already restored.
    private static readonly Lazy<Task> ToolRestore = new(RestoreToolAsync);

    private readonly ITestOutputHelper _output;

    public CakeScript(ITestOutputHelper output, string dockerfile)
    {
        _output = output;
        Folder = Directory.CreateTempSubdirectory("stagegate-cake-").FullName;
        File.WriteAllText(Path.Combine(Folder, "Dockerfile"), dockerfile);
    }

    public string Folder { get; }

    private static string PackagesFolder => Path.Combine(RepoRoot.Path, "artifacts", "packages");

    /// <summary>The <c>#addin</c> line that loads the newest packed addin from the local folder source.</summary>
    public static string AddinDirective()
    {
        var package = new DirectoryInfo(PackagesFolder).Exists
            ? new DirectoryInfo(PackagesFolder).GetFiles(PackageId + ".*.nupkg")
                .Where(f => char.IsDigit(f.Name[(PackageId.Length + 1)..][0]))
                .MaxBy(f => f.LastWriteTimeUtc)
            : null;
        if (package is null)
        {
            Assert.Fail($"No {PackageId} package in {PackagesFolder}. Pack it first: dotnet pack src/StageGate.Cake -c Release -o artifacts/packages (the build's Pack target does).");
        }
        var version = package.Name[(PackageId.Length + 1)..^".nupkg".Length];
        return $"#addin nuget:{new Uri(PackagesFolder + "/").AbsoluteUri}?package={PackageId}&version={version}";
    }

    /// <summary>Writes <c>build.cake</c> (the addin line, then <paramref name="body"/>) and runs it to its end.</summary>
    public async Task<CakeRun> RunAsync(string body)
    {
        await ToolRestore.Value;
        var script = Path.Combine(Folder, "build.cake");
        await File.WriteAllTextAsync(script, AddinDirective() + "\n" + body + "\n");
        var nugetConfig = Path.Combine(Folder, "NuGet.Config");
        await File.WriteAllTextAsync(nugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(Folder, "nuget-packages")}" /></config>
              <packageSources><clear /></packageSources>
            </configuration>
            """);

        var log = new StringBuilder();
        var sink = OutputTarget.Merge(OutputTarget.ToStringBuilder(log), OutputTarget.ToLines(_output.WriteLine));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var result = await ProcessRunner.RunAsync(
            new ProcessCommand("dotnet")
                .WithArguments(
                    "cake", script,
                    "--paths_addins=" + Path.Combine(Folder, "tools", "Addins"),
                    "--paths_modules=" + Path.Combine(Folder, "tools", "Modules"),
                    "--paths_tools=" + Path.Combine(Folder, "tools"),
                    "--nuget_configfile=" + nugetConfig,
                    "--verbosity=normal")
                .WithWorkingDirectory(RepoRoot.Path) // where .config/dotnet-tools.json pins Cake
                .WithEnvironment("NO_COLOR", "1"),
            sink,
            sink,
            timeout.Token);
        return new CakeRun(result.ExitCode, log.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException e)
        {
            _output.WriteLine($"Could not delete {Folder}: {e.Message}");
        }
    }

    private static async Task RestoreToolAsync()
    {
        var log = new StringBuilder();
        var result = await ProcessRunner.RunAsync(
            new ProcessCommand("dotnet").WithArguments("tool", "restore").WithWorkingDirectory(RepoRoot.Path),
            OutputTarget.ToStringBuilder(log),
            OutputTarget.ToStringBuilder(log));
        Assert.True(result.Succeeded, "dotnet tool restore failed:\n" + log);
    }
}

/// <summary>How a <c>dotnet cake</c> run ended: its exit code and everything it printed.</summary>
internal sealed record CakeRun(int ExitCode, string Output)
{
    /// <summary>What Cake printed for the exception that failed the run: from its <c>Error: </c> line on; empty when none.</summary>
    public string Error => Regex.Match(Output, "^Error: .*", RegexOptions.Multiline | RegexOptions.Singleline).Value;
}
