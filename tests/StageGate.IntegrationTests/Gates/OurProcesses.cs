using System.Text;

namespace StageGate.IntegrationTests.Gates;

/// <summary>
/// Finds processes a run left behind, through /proc: docker and docker-buildx run with the build context as
/// their working directory, and a build step's shell shows the sample's token in its command line.
/// </summary>
internal static class OurProcesses
{
    /// <summary>"pid: command line" of every process that still works for the sample.</summary>
    public static IReadOnlyList<string> Of(GateSample sample)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit) || pid == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                continue;
            }
            var commandLine = Read(() => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "cmdline"))).Replace('\0', ' ').Trim());
            var workingDirectory = Read(() => new DirectoryInfo(Path.Combine(dir, "cwd")).LinkTarget);
            var isDocker = commandLine?.Contains("docker", StringComparison.Ordinal) == true && workingDirectory == sample.Folder;
            var isStep = commandLine?.Contains(sample.Token, StringComparison.Ordinal) == true;
            if (isDocker || isStep)
            {
                found.Add($"{pid}: {commandLine}");
            }
        }
        return found;
    }

    /// <summary>Waits until the sample's processes are gone, or the time is up; returns what is left.</summary>
    public static async Task<IReadOnlyList<string>> GoneWithinAsync(GateSample sample, TimeSpan time)
    {
        var deadline = DateTime.UtcNow + time;
        var left = Of(sample);
        while (left.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            left = Of(sample);
        }
        return left;
    }

    /// <summary>Waits until a build step whose command line holds <paramref name="text"/> runs.</summary>
    public static async Task<bool> StepRunsWithinAsync(string text, TimeSpan time)
    {
        var deadline = DateTime.UtcNow + time;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                var commandLine = Read(() => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "cmdline"))).Replace('\0', ' '));
                if (commandLine?.Contains(text, StringComparison.Ordinal) == true && !commandLine.Contains("docker", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            await Task.Delay(200);
        }
        return false;
    }

    // A process can end between listing /proc and reading its files.
    private static string? Read(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
