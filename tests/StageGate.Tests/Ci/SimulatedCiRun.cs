using System.Text;
using StageGate.Processes;

namespace StageGate.Tests.Ci;

/// <summary>
/// The built <c>stagegate</c> run as its own process with the environment a CI runner gives a step: a checkout, the
/// files GitHub hands out, Azure's temp folder. Its own process, so no variable leaks into other tests.
/// </summary>
internal sealed class SimulatedCiRun : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("stagegate-ci-");

    public SimulatedCiRun()
    {
        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(AgentTemp);
        File.WriteAllText(StepSummary, "");
        File.WriteAllText(OutputFile, "");
    }

    public string Workspace => Path.Combine(_root.FullName, "work");

    public string StepSummary => Path.Combine(_root.FullName, "step_summary.md");

    public string OutputFile => Path.Combine(_root.FullName, "output.txt");

    public string AgentTemp => Path.Combine(_root.FullName, "agent-temp");

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<(int Exit, string Output, string Error)> GitHubAsync(params string[] arguments) =>
        RunAsync(Tool(arguments)
            .WithEnvironment("GITHUB_ACTIONS", "true")
            .WithEnvironment("GITHUB_WORKSPACE", Workspace)
            .WithEnvironment("GITHUB_STEP_SUMMARY", StepSummary)
            .WithEnvironment("GITHUB_OUTPUT", OutputFile));

    public Task<(int Exit, string Output, string Error)> AzureAsync(params string[] arguments) =>
        RunAsync(Tool(arguments)
            .WithEnvironment("TF_BUILD", "True")
            .WithEnvironment("BUILD_SOURCESDIRECTORY", Workspace)
            .WithEnvironment("AGENT_TEMPDIRECTORY", AgentTemp));

    /// <summary>The GitHub outputs file read back as GitHub reads it: <c>name&lt;&lt;delimiter</c>, lines, delimiter.</summary>
    public IReadOnlyDictionary<string, string> Outputs()
    {
        var outputs = new Dictionary<string, string>();
        var lines = File.ReadAllText(OutputFile).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Split("<<") is [var name, var delimiter])
            {
                var end = Array.IndexOf(lines, delimiter, i + 1);
                outputs[name] = string.Join("\n", lines[(i + 1)..end]);
                i = end;
            }
        }
        return outputs;
    }

    public void Dispose() => _root.Delete(recursive: true);

    // Every CI variable starts cleared, so a test run inside a real CI job does not write to its files.
    private ProcessCommand Tool(string[] arguments) =>
        new ProcessCommand(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "StageGate.Tool.dll"), "check", .. arguments])
            .WithWorkingDirectory(Workspace)
            .WithEnvironment("GITHUB_ACTIONS", null)
            .WithEnvironment("GITHUB_WORKSPACE", null)
            .WithEnvironment("GITHUB_STEP_SUMMARY", null)
            .WithEnvironment("GITHUB_OUTPUT", null)
            .WithEnvironment("TF_BUILD", null)
            .WithEnvironment("BUILD_SOURCESDIRECTORY", null)
            .WithEnvironment("AGENT_TEMPDIRECTORY", null);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(ProcessCommand command)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var result = await ProcessRunner.RunAsync(command, OutputTarget.ToStringBuilder(output), OutputTarget.ToStringBuilder(error));
        return (result.ExitCode, output.ToString(), error.ToString());
    }
}
