using System.Diagnostics;
using StageGate.Files;

namespace StageGate.Tests.Files;

/// <summary>A file is read whole up to its cap, and never past it, whatever kind of file the path names.</summary>
public sealed class BoundedFileTests : IDisposable
{
    private static readonly InputLimit Small = new("Test file", 1000);

    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-bounded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, int length)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, Enumerable.Repeat((byte)'a', length).ToArray());
        return path;
    }

    [Fact]
    public void A_file_exactly_at_the_cap_is_read_whole()
    {
        Assert.Equal(1000, BoundedFile.ReadAtMost(Write("at-cap", 1000), Small)?.Length);
    }

    [Fact]
    public void A_file_one_byte_over_the_cap_is_refused()
    {
        Assert.Null(BoundedFile.ReadAtMost(Write("over-cap", 1001), Small));
    }

    [Fact]
    public void An_empty_file_reads_as_no_bytes()
    {
        Assert.Equal(0, BoundedFile.ReadAtMost(Write("empty", 0), Small)?.Length);
    }

    [Fact]
    public void A_device_with_no_end_is_refused_once_past_the_cap_instead_of_filling_memory()
    {
        Assert.Null(BoundedFile.ReadAtMost("/dev/zero", InputLimit.Report));
    }

    [Fact]
    public async Task A_fifo_is_read_to_its_end_when_short_and_refused_when_longer_than_the_cap()
    {
        Assert.Equal("hello"u8.ToArray(), await ReadThroughFifoAsync("short", "hello"u8.ToArray()) ?? []);
        Assert.Null(await ReadThroughFifoAsync("long", new byte[64 * 1024]));
    }

    private async Task<byte[]?> ReadThroughFifoAsync(string name, byte[] content)
    {
        var fifo = Path.Combine(_folder, name);
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var writer = Task.Run(() =>
        {
            try
            {
                using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                stream.Write(content);
            }
            catch (IOException)
            {
                // The reader stopped at its cap and closed its end: the rest of the content has nowhere to go.
            }
        });
        var read = BoundedFile.ReadAtMost(fifo, Small);
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        return read;
    }
}
