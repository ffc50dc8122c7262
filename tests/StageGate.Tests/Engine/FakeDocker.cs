namespace StageGate.Tests.Engine;

/// <summary>
/// A stand-in for a configured docker executable: a script that answers each first argument (<c>context</c>,
/// <c>image</c>, …) with canned output and exit code, and appends every command line it gets to a log.
/// </summary>
internal sealed class FakeDocker : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sg-fake-docker-").FullName;

    /// <param name="answers">Per first argument: what it prints on stdout and its exit code; any other command exits 1.</param>
    public FakeDocker(params (string Verb, string Output, int ExitCode)[] answers)
    {
        var isWindows = OperatingSystem.IsWindows();
        var lines = new List<string>();
        lines.Add(isWindows ? "@echo off" : "#!/bin/sh");
        lines.Add(isWindows ? $"echo %*>>\"{LogFile}\"" : $"echo \"$*\" >> '{LogFile}'");
        foreach (var (verb, output, exitCode) in answers)
        {
            var outputFile = System.IO.Path.Combine(folder, verb + ".out");
            File.WriteAllText(outputFile, output);
            lines.Add(isWindows
                ? $"if \"%1\"==\"{verb}\" (type \"{outputFile}\" & exit /b {exitCode})"
                : $"if [ \"$1\" = '{verb}' ]; then cat '{outputFile}'; exit {exitCode}; fi");
        }
        lines.Add(isWindows ? "exit /b 1" : "exit 1");

        Path = System.IO.Path.Combine(folder, isWindows ? "docker-wrapper.cmd" : "docker-wrapper");
        File.WriteAllText(Path, string.Join(isWindows ? "\r\n" : "\n", lines) + "\n");
        if (!isWindows)
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The executable to configure as the docker path.</summary>
    public string Path { get; }

    /// <summary>The command lines the fake was started with, in order.</summary>
    public IReadOnlyList<string> Calls =>
        File.Exists(LogFile) ? File.ReadAllLines(LogFile).Select(l => l.Trim()).ToList() : [];

    private string LogFile => System.IO.Path.Combine(folder, "calls.log");

    /// <summary>What <c>docker context inspect --format '{{json .}}'</c> prints for a context whose docker endpoint is <paramref name="host"/>.</summary>
    public static string ContextAnswer(string name, string host, string tlsPath = "<IN MEMORY>") =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            Name = name,
            Metadata = new { },
            Endpoints = new { docker = new { Host = host, SkipTLSVerify = false } },
            TLSMaterial = new { },
            Storage = new { MetadataPath = tlsPath, TLSPath = tlsPath },
        });

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
