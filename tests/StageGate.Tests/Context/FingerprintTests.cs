using StageGate.Context;

namespace StageGate.Tests.Context;

public sealed class FingerprintTests : IDisposable
{
    private static readonly DateTime Earlier = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempContext _context = new();
    private readonly DockerIgnore _ignore = DockerIgnore.Parse("node_modules\n*.log");

    public FingerprintTests()
    {
        foreach (var path in new[] { "src/app.js", "package.json", "node_modules/pkg/index.js", "debug.log" })
        {
            File.SetLastWriteTimeUtc(_context.Write(path, "content"), Earlier);
        }
    }

    public void Dispose() => _context.Dispose();

    private string Fingerprint() => BuildContext.Fingerprint(_context.Path, _ignore);

    [Fact]
    public void The_fingerprint_is_stable_while_nothing_changes()
    {
        Assert.Equal(Fingerprint(), Fingerprint());
    }

    [Fact]
    public void The_fingerprint_is_a_sha256_in_lower_case_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", Fingerprint());
    }

    [Fact]
    public void Editing_a_sent_file_changes_the_fingerprint()
    {
        var before = Fingerprint();

        File.SetLastWriteTimeUtc(_context.Write("src/app.js", "content"), Earlier.AddSeconds(1));

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void Resizing_a_sent_file_changes_the_fingerprint()
    {
        var before = Fingerprint();

        File.SetLastWriteTimeUtc(_context.Write("src/app.js", "longer content"), Earlier);

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void Adding_a_sent_file_changes_the_fingerprint()
    {
        var before = Fingerprint();

        File.SetLastWriteTimeUtc(_context.Write("src/new.js", "content"), Earlier);

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void Editing_an_ignored_file_leaves_the_fingerprint_alone()
    {
        var before = Fingerprint();

        _context.Write("node_modules/pkg/index.js", "a different, longer content");
        _context.Write("debug.log", "more log lines");
        _context.Write("node_modules/new/file.js");

        Assert.Equal(before, Fingerprint());
    }
}
