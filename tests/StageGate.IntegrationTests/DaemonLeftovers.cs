using System.Diagnostics;
using System.Globalization;
using System.Text;
using StageGate.IntegrationTests.Remote;

namespace StageGate.IntegrationTests;

/// <summary>
/// What a test's own dockerd leaves behind and how to remove it: containerd and its shims outlive a killed
/// dockerd (each names the daemon's folder in its command line), and overlay mounts stay under its data root.
/// </summary>
internal static class DaemonLeftovers
{
    /// <summary>Kills every process naming <paramref name="root"/>, unmounts what lies under it, and deletes it.</summary>
    public static async Task RemoveAsync(string root)
    {
        foreach (var pid in ProcessesNaming(root))
        {
            try
            {
                using var left = Process.GetProcessById(pid);
                left.Kill();
                await left.WaitForExitAsync();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
        // Deepest first, so a mount inside another is released before its parent.
        var mounts = File.ReadAllLines("/proc/mounts").Select(line => line.Split(' ')).Where(fields => fields.Length > 1)
            .Select(fields => fields[1]).Where(point => point == root || point.StartsWith(root + "/", StringComparison.Ordinal))
            .OrderByDescending(point => point.Length);
        foreach (var point in mounts)
        {
            await FixtureCommand.TryRunAsync("umount", ["-l", point]);
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A mount the kernel still releases; the temp folder is the machine's to clean.
        }
    }

    private static List<int> ProcessesNaming(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                if (Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "cmdline"))).Contains(text, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }
}
