namespace StageGate.IntegrationTests.MSBuild;

/// <summary>
/// Ctrl-C in a real <c>dotnet build</c>, and the processes it leaves: every process the build starts (MSBuild, the
/// stagegate CLI, docker, buildx) inherits the build's marker variable, so one still alive afterwards is a leak.
/// </summary>
internal static class MarkedProcesses
{
    /// <summary>
    /// Builds <paramref name="project"/>, sends SIGINT (as Ctrl-C in a terminal) once buildx runs the sleeping test step,
    /// and returns the build and the marked processes still alive within 30 s of its end.
    /// </summary>
    public static async Task<(BuildRun Build, IReadOnlyList<string> Left)> InterruptedBuildAsync(GatedProject project)
    {
        var marker = Guid.NewGuid().ToString("N");
        using var interrupt = new CancellationTokenSource();
        var building = project.BuildExactlyAsync(["-v:n"], interrupt.Token, marker);
        await WaitForAsync(() => project.DockerCommands().Any(c => c.StartsWith("buildx bake", StringComparison.Ordinal)), TimeSpan.FromMinutes(5));
        await Task.Delay(TimeSpan.FromSeconds(3)); // let buildx reach the sleeping step
        await interrupt.CancelAsync();
        var build = await building;
        try
        {
            await WaitForAsync(() => Of(marker).Count == 0, TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            // Still there after 30 s: returned below, for the test to show.
        }
        return (build, Of(marker));
    }

    /// <summary>The passing Dockerfile with its test step sleeping for two minutes, so an interrupt lands mid-step.</summary>
    public static string SleepingTestDockerfile => TestDockerfiles.Passing.Replace("RUN test -f /app.txt", "RUN sleep 120", StringComparison.Ordinal);

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(200, limit.Token);
        }
    }

    private static List<string> Of(string marker)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes("STAGEGATE_TEST_MARKER=" + marker + "\0");
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (File.ReadAllBytes(Path.Combine(folder, "environ")).AsSpan().IndexOf(needle) >= 0)
                {
                    found.Add(File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' '));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }
        return found;
    }
}
