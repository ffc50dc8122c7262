using StageGate.Context;
using StageGate.Diagnostics;

namespace StageGate.Tests.Context;

public sealed class BuildContextTests : IDisposable
{
    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Files_are_listed_with_slash_paths_sorted_ordinally()
    {
        _context.Write("b.txt");
        _context.Write("a/z.txt");
        _context.Write("a.txt");
        _context.Write("A.txt");

        var listing = BuildContext.Enumerate(_context.Path, DockerIgnore.Empty);

        Assert.Equal(["A.txt", "a.txt", "a/z.txt", "b.txt"], listing.Files.Select(f => f.Path));
    }

    [Fact]
    public void The_listing_adds_up_count_and_bytes()
    {
        _context.Write("one.txt", "12345");
        _context.Write("dir/two.txt", "123");

        var listing = BuildContext.Enumerate(_context.Path, DockerIgnore.Empty);

        Assert.Equal((2, 8L), (listing.Count, listing.Bytes));
    }

    [Fact]
    public void Files_under_an_excluded_folder_are_not_listed()
    {
        _context.Write("src/app.js", "x");
        _context.Write("node_modules/pkg/index.js", "y");

        var listing = BuildContext.Enumerate(_context.Path, DockerIgnore.Parse("node_modules"));

        Assert.Equal(["src/app.js"], listing.Files.Select(f => f.Path));
    }

    [Fact]
    public void An_excluded_folder_is_still_walked_for_a_file_a_later_exclamation_pattern_reincludes()
    {
        _context.Write("node_modules/pkg/package.json");
        _context.Write("node_modules/pkg/index.js");
        _context.Write("node_modules/other/package.json");

        var ignore = DockerIgnore.Parse("node_modules\n!node_modules/pkg/package.json");
        var listing = BuildContext.Enumerate(_context.Path, ignore);

        Assert.Equal(["node_modules/pkg/package.json"], listing.Files.Select(f => f.Path));
    }

    [Fact]
    public void A_glob_exclamation_pattern_reincludes_files_deep_inside_an_excluded_folder()
    {
        _context.Write("vendor/a/README.md");
        _context.Write("vendor/a/b/NOTES.md");
        _context.Write("vendor/a/code.go");

        var ignore = DockerIgnore.Parse("vendor\n!vendor/**/*.md");
        var listing = BuildContext.Enumerate(_context.Path, ignore);

        Assert.Equal(["vendor/a/README.md", "vendor/a/b/NOTES.md"], listing.Files.Select(f => f.Path));
    }

    [Theory]
    [InlineData("node_modules\n*.log\n!keep.log")]
    [InlineData("**/bin\n**/obj\n!src/app/bin/keep.txt")]
    [InlineData("*\n!src\nsrc/**/*.tmp\n!src/a/b.tmp")]
    [InlineData("docs/**\n!docs/*.md\ndocs/secret.md")]
    [InlineData("a?c/[xy]*\n!**/z*")]
    public void The_walk_sends_exactly_the_files_the_patterns_keep(string patterns)
    {
        foreach (var path in new[]
        {
            "keep.log", "app.log", "node_modules/x/a.js", "node_modules/keep.log",
            "src/app/bin/keep.txt", "src/app/bin/app.dll", "src/app/obj/x.o", "src/a/b.tmp", "src/a/c.tmp", "src/main.cs",
            "docs/readme.md", "docs/secret.md", "docs/img/logo.png", "abc/x1", "abc/y/zed", "abc/q", "axc/x/z",
        })
        {
            _context.Write(path);
        }
        var ignore = DockerIgnore.Parse(patterns);
        var expected = Directory.EnumerateFiles(_context.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_context.Path, f).Replace('\\', '/'))
            .Where(p => !ignore.IsExcluded(p))
            .Order(StringComparer.Ordinal);

        var listing = BuildContext.Enumerate(_context.Path, ignore);

        Assert.Equal(expected, listing.Files.Select(f => f.Path));
    }

    [Fact]
    public void The_ignore_file_and_the_dockerfile_are_left_out_when_they_match_as_buildkit_does()
    {
        _context.Write("Dockerfile", "FROM busybox");
        _context.Write(".dockerignore", ".dockerignore\nDockerfile");
        _context.Write("app.txt");

        var listing = BuildContext.Enumerate(_context.Path, DockerIgnore.ForBuild(_context.Path, null));

        Assert.Equal(["app.txt"], listing.Files.Select(f => f.Path));
    }

    [Fact]
    public void A_link_to_a_file_is_sent_as_a_link_with_its_own_size()
    {
        _context.Write("data/big.bin", new string('x', 5000));
        File.CreateSymbolicLink(_context.Full("link"), "data/big.bin");

        var listing = BuildContext.Enumerate(_context.Path, DockerIgnore.Empty);

        Assert.Equal("data/big.bin".Length, listing.Files.Single(f => f.Path == "link").Size);
    }

    [Fact]
    public void A_link_to_a_folder_is_not_followed()
    {
        _context.Write("real/file.txt");
        Directory.CreateSymbolicLink(_context.Full("alias"), "real");

        var listing = BuildContext.Enumerate(_context.Path, DockerIgnore.Empty);

        Assert.Equal(["alias", "real/file.txt"], listing.Files.Select(f => f.Path));
    }

    [Fact]
    public void A_missing_context_folder_is_reported_as_not_found()
    {
        var missing = Path.Combine(_context.Path, "nope");

        var error = Assert.Throws<StageGateException>(() => BuildContext.Enumerate(missing, DockerIgnore.Empty));

        Assert.Equal(Codes.ContextNotFound.Code, error.Code);
    }

    [Fact]
    public void A_file_given_as_the_context_is_reported_as_not_found()
    {
        var file = _context.Write("Dockerfile");

        var error = Assert.Throws<StageGateException>(() => BuildContext.Fingerprint(file, DockerIgnore.Empty));

        Assert.Equal(Codes.ContextNotFound.Code, error.Code);
    }

    [Fact]
    public void A_cancelled_walk_stops()
    {
        _context.Write("a.txt");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => BuildContext.Enumerate(_context.Path, DockerIgnore.Empty, cancellation.Token));
    }
}
