using System.Diagnostics;

namespace StageGate.IntegrationTests.Files;

/// <summary>
/// A 64 KiB tmpfs mounted for one test, so a full disk is real and quick to reach. Mounting needs root:
/// <see cref="MountAsync"/> returns null with a visible message where it cannot mount, and fails the test when CI=true.
/// </summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<SmallDisk?> MountAsync(ITestOutputHelper output)
    {
        var path = Directory.CreateTempSubdirectory("stagegate-small-disk-").FullName;
        var (exitCode, error) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", path);
        if (exitCode == 0)
        {
            return new SmallDisk(path);
        }
        Directory.Delete(path);
        var reason = $"mount -t tmpfs failed ({exitCode}): {error.Trim()}; the full-disk tests need root";
        if (StageGate.Ci.CiEnvironment.IsCi(Environment.GetEnvironmentVariable))
        {
            Assert.Fail($"A small disk is required when CI=true, but {reason}");
        }
        output.WriteLine($"{reason}; skipping");
        return null;
    }

    /// <summary>Writes one file until the disk refuses another byte, and returns its path.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        var block = new byte[1024];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // Full: the last block did not fit, which is the point.
        }
        // Fill the last partial block byte by byte, so not even a tiny file fits.
        try
        {
            while (true)
            {
                stream.WriteByte(0);
            }
        }
        catch (IOException)
        {
        }
        return filler;
    }

    public async ValueTask DisposeAsync()
    {
        var (exitCode, error) = await RunAsync("umount", Path);
        Assert.True(exitCode == 0, $"umount {Path} failed: {error}");
        Directory.Delete(Path);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
