using StageGate.Hosting;

namespace StageGate.Tests.Hosting;

public sealed class PassedStampTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-stamp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_written_stamp_reads_back_with_the_outputs_of_the_passing_run()
    {
        var path = Path.Combine(_folder, "obj", "stagegate", "passed.stamp");
        var stamp = new PassedStamp("abc123", "sha256:1111", "sha256:2222", "763000", null);

        await stamp.WriteAsync(path, note: null, CancellationToken.None);

        Assert.Equal(stamp, PassedStamp.Read(path));
    }

    [Fact]
    public void A_stamp_covers_only_the_same_fingerprint()
    {
        var stamp = new PassedStamp("abc123", null, null, null, null);

        Assert.True(stamp.Covers("abc123"));
        Assert.False(stamp.Covers("abc124"));
    }

    [Fact]
    public void A_stamp_whose_report_was_deleted_no_longer_covers_its_inputs()
    {
        var stamp = new PassedStamp("abc123", null, null, null, Path.Combine(_folder, "gone.json"));

        Assert.False(stamp.Covers("abc123"));
    }

    [Fact]
    public void A_missing_or_empty_stamp_reads_as_none_and_deleting_a_missing_one_is_fine()
    {
        var path = Path.Combine(_folder, "never", "passed.stamp");
        PassedStamp.Delete(path);
        File.WriteAllText(Path.Combine(_folder, "empty.stamp"), "");

        Assert.Null(PassedStamp.Read(path));
        Assert.Null(PassedStamp.Read(Path.Combine(_folder, "empty.stamp")));
    }

    [Fact]
    public void A_stamp_with_a_key_written_twice_reads_as_none_so_the_gates_run()
    {
        var path = Path.Combine(_folder, "passed.stamp");
        File.WriteAllText(path, "abc123\nImageId=sha256:1111\nImageId=sha256:2222\n");

        Assert.Null(PassedStamp.Read(path));
    }

    [Fact]
    public void A_stamp_with_a_line_the_task_never_writes_reads_as_none()
    {
        var path = Path.Combine(_folder, "passed.stamp");
        File.WriteAllText(path, "abc123\n<<<<<<< HEAD\n");

        Assert.Null(PassedStamp.Read(path));
    }

    [Fact]
    public void A_stamp_over_64_KiB_reads_as_none()
    {
        var path = Path.Combine(_folder, "passed.stamp");
        File.WriteAllText(path, "abc123\nImageId=" + new string('1', 64 * 1024) + "\n");

        Assert.Null(PassedStamp.Read(path));
    }

    [Fact]
    public void A_stamp_path_that_is_a_device_with_no_end_reads_as_none()
    {
        Assert.Null(PassedStamp.Read("/dev/zero"));
    }

    [Fact]
    public async Task A_stamp_path_that_is_a_folder_reads_as_none_and_writing_it_is_only_a_note()
    {
        var path = Path.Combine(_folder, "passed.stamp");
        Directory.CreateDirectory(path);
        var notes = new List<string>();

        Assert.Null(PassedStamp.Read(path));
        await new PassedStamp("abc123", null, null, null, null).WriteAsync(path, notes.Add, CancellationToken.None);
        PassedStamp.Delete(path, notes.Add);

        Assert.True(Directory.Exists(path));
        var note = Assert.Single(notes);
        Assert.Contains("next build runs the gates again", note, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder).Except([path]));
    }

    [Fact]
    public async Task A_stamp_whose_folder_is_a_file_is_not_written_and_that_is_only_a_note()
    {
        var blocker = Path.Combine(_folder, "obj");
        File.WriteAllText(blocker, "");
        var notes = new List<string>();

        await new PassedStamp("abc123", null, null, null, null).WriteAsync(Path.Combine(blocker, "passed.stamp"), notes.Add, CancellationToken.None);

        Assert.Single(notes);
    }
}
