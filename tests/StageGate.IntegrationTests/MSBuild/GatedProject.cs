using System.Text;
using StageGate.Processes;

namespace StageGate.IntegrationTests.MSBuild;

/// <summary>
/// A real SDK project in a temporary folder that references the packed StageGate.MSBuild, with a
/// Dockerfile beside it, built with the real <c>dotnet build</c>. Its <c>StageGateDockerPath</c> is a
/// wrapper that records every docker command before running the real docker, so a test can tell
/// whether docker ran at all.
/// </summary>
internal sealed class GatedProject
{
    private readonly PackedMSBuildPackage _package;
    private readonly ITestOutputHelper _output;

    public GatedProject(PackedMSBuildPackage package, ITestOutputHelper output, string name, string? dockerfile,
        string properties = "", string targetFrameworks = "net10.0")
    {
        _package = package;
        _output = output;
        Name = name;
        Folder = Path.Combine(package.Root, name);
        Directory.CreateDirectory(Folder);
        DockerCalls = Path.Combine(package.Root, name + ".docker-calls.log");
        var dockerWrapper = Path.Combine(package.Root, name + ".docker");
        File.WriteAllText(dockerWrapper, $"#!/bin/sh\necho \"$*\" >> '{DockerCalls}'\nexec '{RealDocker()}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dockerWrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var frameworks = targetFrameworks.Contains(';', StringComparison.Ordinal)
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        Write(name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <StageGateDockerPath>{dockerWrapper}</StageGateDockerPath>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StageGate.MSBuild" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
              <Target Name="ShowStageGateOutputs" AfterTargets="StageGate">
                <Message Importance="high" Text="OUTPUTS image=$(StageGateImageId) size=$(StageGateFinalSize) report=$(StageGateReport)" />
              </Target>
            </Project>
            """);
        Write("Library.cs", "namespace Gated;\n\npublic static class Library\n{\n    public const string Name = \"gated\";\n}\n");
        // As in any .NET project's Docker setup: build outputs are not part of the image's context.
        Write(".dockerignore", "bin/\nobj/\n*.md\n");
        if (dockerfile is not null)
        {
            Write("Dockerfile", dockerfile);
        }
    }

    public string Name { get; }

    public string Folder { get; }

    /// <summary>One line per docker command the gates ran.</summary>
    public string DockerCalls { get; }

    public IReadOnlyList<string> DockerCommands() => File.Exists(DockerCalls) ? File.ReadAllLines(DockerCalls) : [];

    public string StampFile => Path.Combine(Folder, "obj", "stagegate", "passed.stamp");

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>
    /// <c>dotnet build</c> with the classic console logger at normal verbosity, unless the arguments say
    /// otherwise; no build server or node outlives it. Environment variables marked with
    /// <paramref name="marker"/> let a test find every process the build started; <paramref name="environment"/>
    /// sets or (null) removes others.
    /// </summary>
    public async Task<BuildRun> BuildExactlyAsync(IReadOnlyList<string> arguments, CancellationToken interrupt = default, string? marker = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var command = Dotnet(["build", "--disable-build-servers", "-nologo", .. arguments], environment);
        var log = new StringBuilder();
        // The whole log for the assertions; the test output without the hundreds of reference lines -v:n prints.
        var sink = OutputTarget.Merge(OutputTarget.ToStringBuilder(log), OutputTarget.ToLines(new TrimmedBuildLog(_output.WriteLine).WriteLine));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        _output.WriteLine($"$ {command.ToDisplayString()}  (in {Folder})");
        try
        {
            var result = await ProcessRunner.RunAsync(command.WithEnvironment("STAGEGATE_TEST_MARKER", marker ?? "none"), sink, sink, timeout.Token, interrupt);
            return new BuildRun(result.ExitCode, log.ToString());
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested && !timeout.IsCancellationRequested)
        {
            return new BuildRun(null, log.ToString());
        }
    }

    /// <summary>
    /// The project's properties as MSBuild evaluates them after a restore (<c>dotnet msbuild -getProperty</c>), with
    /// <paramref name="globalProperties"/> set: what the package's targets decide, without building.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> EvaluateAsync(IReadOnlyList<string> properties, params string[] globalProperties)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var restoreLog = OutputTarget.ToLines(new TrimmedBuildLog(_output.WriteLine).WriteLine);
        var restore = await ProcessRunner.RunAsync(Dotnet(["restore", "--disable-build-servers"]), restoreLog, restoreLog, timeout.Token);
        Assert.Equal(0, restore.ExitCode);
        var json = new StringBuilder();
        var evaluate = await ProcessRunner.RunAsync(
            Dotnet(["msbuild", "-nologo", .. properties.Select(p => "-getProperty:" + p), .. globalProperties.Select(p => "-p:" + p)]),
            OutputTarget.ToStringBuilder(json), OutputTarget.ToLines(_output.WriteLine), timeout.Token);
        _output.WriteLine(json.ToString());
        Assert.Equal(0, evaluate.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(json.ToString());
        return document.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    private ProcessCommand Dotnet(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        (environment ?? new Dictionary<string, string?>()).Aggregate(new ProcessCommand("dotnet"), (c, v) => c.WithEnvironment(v.Key, v.Value))
            .WithArguments(arguments)
            .WithWorkingDirectory(Folder)
            .WithEnvironment("NUGET_PACKAGES", _package.PackagesCache)
            .WithEnvironment("MSBUILDDISABLENODEREUSE", "1")
            .WithEnvironment("DOTNET_CLI_UI_LANGUAGE", "en")
            .WithEnvironment("DOTNET_NOLOGO", "1")
            .WithInterruptTimeout(TimeSpan.FromSeconds(30));

    /// <summary><c>dotnet build -v:n</c> plus <paramref name="arguments"/>.</summary>
    public Task<BuildRun> BuildAsync(params string[] arguments) => BuildExactlyAsync(["-v:n", .. arguments]);

    private static string RealDocker() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "docker"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("docker is not on PATH.");
}

/// <summary>How a <c>dotnet build</c> ended: its exit code (null when it was interrupted) and everything it printed.</summary>
internal sealed record BuildRun(int? ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public int CountLines(string text) =>
        Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
}
