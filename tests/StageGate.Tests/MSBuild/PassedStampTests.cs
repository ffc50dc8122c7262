using StageGate.MSBuild;

namespace StageGate.Tests.MSBuild;

public sealed class PassedStampTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-stamp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_written_stamp_reads_back_with_the_outputs_of_the_passing_run()
    {
        var path = Path.Combine(_folder, "obj", "stagegate", "passed.stamp");
        var stamp = new PassedStamp("abc123", "sha256:1111", "sha256:2222", "763000", null);

        stamp.Write(path);

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
}
