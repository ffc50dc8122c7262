using System.Text;
using StageGate.IntegrationTests.MSBuild;
using StageGate.Processes;
using StageGate.Tests;

namespace StageGate.IntegrationTests.Samples;

/// <summary>
/// A copy of samples/dotnet-app in the package fixture's folder, with the packed StageGate.MSBuild staged into its
/// local feed as the Samples target stages it, built with the real <c>dotnet build</c> as a user would on the host.
/// </summary>
internal sealed class DotnetAppCopy
{
    private static readonly string Sample = Path.Combine(RepoRoot.Path, "samples", "dotnet-app");

    private readonly PackedMSBuildPackage _package;
    private readonly ITestOutputHelper _output;

    public DotnetAppCopy(PackedMSBuildPackage package, ITestOutputHelper output, string name)
    {
        _package = package;
        _output = output;
        Folder = Path.Combine(package.Root, name);
        Copy(new DirectoryInfo(Sample), Folder);
        File.Copy(package.PackageFile, Path.Combine(Folder, "packages", Path.GetFileName(package.PackageFile)), overwrite: true);
    }

    public string Folder { get; }

    /// <summary>Where StageGate.MSBuild puts the test stage's results on the host by default.</summary>
    public string TestResults => Path.Combine(Folder, "src", "Slugs", "obj", "stagegate", "test-results", "test");

    public string PathOf(string relativePath) => Path.Combine(Folder, relativePath);

    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = PathOf(relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary><c>dotnet build -c Release</c> of the sample, as on a developer's machine: outside CI, not in a container.</summary>
    public async Task<BuildRun> BuildAsync(string image)
    {
        var command = new ProcessCommand("dotnet")
            .WithArguments(["build", "--disable-build-servers", "-nologo", "-c", "Release", "-tl:off", "-v:n", $"-p:StageGateImage={image}"])
            .WithWorkingDirectory(Folder)
            .WithEnvironment("NUGET_PACKAGES", _package.PackagesCache)
            .WithEnvironment("MSBUILDDISABLENODEREUSE", "1")
            .WithEnvironment("DOTNET_CLI_UI_LANGUAGE", "en")
            .WithEnvironment("DOTNET_NOLOGO", "1")
            .WithEnvironment("DOTNET_RUNNING_IN_CONTAINER", null)
            .WithEnvironment("CI", null)
            .WithEnvironment("TF_BUILD", null)
            .WithEnvironment("GITHUB_ACTIONS", null);
        var log = new StringBuilder();
        var sink = OutputTarget.Merge(OutputTarget.ToStringBuilder(log), OutputTarget.ToLines(_output.WriteLine));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        _output.WriteLine($"$ {command.ToDisplayString()}  (in {Folder})");
        var result = await ProcessRunner.RunAsync(command, sink, sink, timeout.Token);
        return new BuildRun(result.ExitCode, log.ToString());
    }

    // The sample as committed: no build outputs, no packages staged by an earlier build.
    private static void Copy(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in from.GetFiles().Where(f => f.Extension != ".nupkg"))
        {
            file.CopyTo(Path.Combine(to, file.Name), overwrite: true);
        }
        foreach (var folder in from.GetDirectories().Where(d => d.Name is not ("bin" or "obj")))
        {
            Copy(folder, Path.Combine(to, folder.Name));
        }
    }
}
