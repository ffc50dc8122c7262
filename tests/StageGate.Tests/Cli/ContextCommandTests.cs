using System.CommandLine;
using System.Text.Json;
using StageGate.Tests.Context;
using StageGate.Tool.Commands;

namespace StageGate.Tests.Cli;

public sealed class ContextCommandTests : IDisposable
{
    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ContextCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Json_output_has_files_with_path_and_size_then_count_and_bytes()
    {
        _context.Write("app/main.js", "12345");
        _context.Write("README.md", "12");

        var (exit, output, _) = await Run(_context.Path, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["files", "count", "bytes"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.All(json.RootElement.GetProperty("files").EnumerateArray(),
            f => Assert.Equal(["path", "size"], f.EnumerateObject().Select(p => p.Name)));
        Assert.Equal((2, 7L), (json.RootElement.GetProperty("count").GetInt32(), json.RootElement.GetProperty("bytes").GetInt64()));
    }

    [Fact]
    public async Task Json_paths_are_relative_slash_separated_and_sorted()
    {
        _context.Write("z.txt");
        _context.Write("a/b/c.txt");
        _context.Write("B.txt");

        var (_, output, _) = await Run(_context.Path, "--format", "json");

        using var json = JsonDocument.Parse(output);
        var paths = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString());
        Assert.Equal(["B.txt", "a/b/c.txt", "z.txt"], paths);
    }

    [Fact]
    public async Task The_dockerfile_option_selects_its_own_ignore_file()
    {
        _context.Write(".dockerignore", "kept-by-dockerfile.txt");
        _context.Write("ci/app.Dockerfile.dockerignore", "dropped.txt");
        _context.Write("kept-by-dockerfile.txt");
        _context.Write("dropped.txt");

        var (_, output, _) = await Run(_context.Path, "--file", _context.Full("ci/app.Dockerfile"), "--format", "json");

        using var json = JsonDocument.Parse(output);
        var paths = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString());
        Assert.DoesNotContain("dropped.txt", paths);
    }

    [Fact]
    public async Task Text_output_names_the_ignore_file_and_the_largest_files()
    {
        var ignoreFile = _context.Write(".dockerignore", "*.log");
        _context.Write("big.bin", new string('x', 4000));

        var (exit, output, _) = await Run(_context.Path);

        Assert.Equal(0, exit);
        Assert.Contains(ignoreFile, output, StringComparison.Ordinal);
        Assert.Contains("4kB  big.bin", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_context_folder_exits_2_with_its_code()
    {
        var (exit, _, error) = await Run(Path.Combine(_context.Path, "missing"));

        Assert.Equal(2, exit);
        Assert.Contains("error SG1011", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_ignore_file_exits_2_pointing_at_the_line()
    {
        var ignoreFile = _context.Write(".dockerignore", "ok\nbad\\");

        var (exit, _, error) = await Run(_context.Path);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{ignoreFile}(2,1): error SG1010", error, StringComparison.Ordinal);
    }
}
