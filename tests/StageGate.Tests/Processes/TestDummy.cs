using StageGate.Processes;

namespace StageGate.Tests.Processes;

/// <summary>Commands that run tests/StageGate.TestDummy, built alongside the tests, with the current dotnet host.</summary>
internal static class TestDummy
{
    private static readonly string DllPath = FindDll();

    private static readonly string DotnetHost =
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? host
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";

    public static ProcessCommand Command(params string[] verbs) =>
        new ProcessCommand(DotnetHost).WithArguments([DllPath, .. verbs]);

    /// <summary>True while <paramref name="processId"/> names a process that has not ended (a zombie has ended).</summary>
    public static bool IsRunning(int processId)
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var state = stat[stat.LastIndexOf(')') + 2];
            return state is not ('Z' or 'X');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>A killed process leaves the process table a moment after its parent has been told.</summary>
    public static async Task<bool> HasEndedAsync(int processId)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(5); waited += TimeSpan.FromMilliseconds(50))
        {
            if (!IsRunning(processId))
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }

    private static string FindDll()
    {
        // The tests run from tests/StageGate.Tests/bin/<Configuration>/<tfm>/; the dummy is built beside them.
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var dll = Path.Combine(RepoRoot.Path, "tests", "StageGate.TestDummy", "bin", configuration, "net10.0", "StageGate.TestDummy.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} not found: build tests/StageGate.TestDummy (the test project references it).");
    }
}
