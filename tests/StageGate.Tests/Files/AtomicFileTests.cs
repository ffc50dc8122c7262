using StageGate.Files;

namespace StageGate.Tests.Files;

/// <summary>A file is replaced whole or not at all: a write that fails half-way leaves the old file and no debris.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A writer that gets half-way and then finds the disk full, as a real one does.</summary>
    private static async Task WritesHalfThenRunsOutOfSpace(Stream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync("{\"schemaVersion\":1,"u8.ToArray(), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        throw new IOException("No space left on device");
    }

    [Fact]
    public async Task A_write_that_fails_half_way_leaves_the_old_file_intact_and_no_temporary_file()
    {
        var path = Path.Combine(_folder, "baseline.json");
        await File.WriteAllTextAsync(path, "the good baseline");

        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, WritesHalfThenRunsOutOfSpace));

        Assert.Equal("the good baseline", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_write_that_fails_half_way_to_a_new_path_leaves_no_file_at_all()
    {
        var path = Path.Combine(_folder, "report.json");

        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, WritesHalfThenRunsOutOfSpace));

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_the_old_file_intact_and_no_temporary_file()
    {
        var path = Path.Combine(_folder, "report.json");
        await File.WriteAllTextAsync(path, "old");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAllTextAsync(path, "new", cancelled.Token));

        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_complete_write_replaces_the_old_file_and_leaves_only_it()
    {
        var path = Path.Combine(_folder, "nested", "report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "a much longer old report than the new one");

        await AtomicFile.WriteAllTextAsync(path, "new — report");

        Assert.Equal("new — report"u8.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
