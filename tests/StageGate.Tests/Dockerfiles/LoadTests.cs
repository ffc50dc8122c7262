using System.Text;
using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

public sealed class LoadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-dockerfiles-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(byte[] content, string name = "Dockerfile")
    {
        var path = System.IO.Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static Diagnostic LoadFails(string path) =>
        Assert.Throws<StageGateException>(() => Dockerfile.Load(path)).Diagnostic;

    [Fact]
    public void A_Dockerfile_loaded_from_disk_carries_its_full_path()
    {
        var path = Write("FROM busybox\n"u8.ToArray());
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, path);

        Assert.Equal(path, Dockerfile.Load(relative).Path);
    }

    [Fact]
    public void Build_arguments_given_to_Load_reach_FROM()
    {
        var path = Write("ARG BASE=alpine\nFROM $BASE\n"u8.ToArray());

        Assert.Equal("debian", Dockerfile.Load(path, Args(("BASE", "debian"))).Stages[0].Base);
    }

    [Fact]
    public void A_missing_file_is_SG1001_naming_the_full_path()
    {
        var path = System.IO.Path.Combine(_folder, "nope", "Dockerfile");

        var diagnostic = LoadFails(path);

        Assert.Equal(("SG1001", path), (diagnostic.Code, diagnostic.File));
    }

    [Fact]
    public void An_empty_path_is_SG1001()
    {
        Assert.Equal("SG1001", LoadFails("").Code);
    }

    [Fact]
    public void A_folder_where_the_file_should_be_is_SG1002()
    {
        Assert.Equal("SG1002", LoadFails(_folder).Code);
    }

    [Fact]
    public void Binary_content_is_SG1002_at_the_line_of_the_first_NUL_byte()
    {
        var path = Write([.. "FROM busybox\nRUN true\n"u8, 0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]);

        var diagnostic = LoadFails(path);

        Assert.Equal(("SG1002", 3, path), (diagnostic.Code, diagnostic.Line, diagnostic.File));
    }

    [Fact]
    public void Invalid_UTF8_is_SG1002_at_its_line()
    {
        var path = Write([.. "FROM busybox\n"u8, 0xC3, 0x28, .. "\n"u8]);

        var diagnostic = LoadFails(path);

        Assert.Equal(("SG1002", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_UTF16_file_is_SG1002_that_asks_for_UTF8()
    {
        var path = Write([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("FROM busybox\n")]);

        var diagnostic = LoadFails(path);

        Assert.Equal("SG1002", diagnostic.Code);
        Assert.Contains("UTF-8", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_SG1003()
    {
        Assert.Equal("SG1003", LoadFails(Write([])).Code);
    }

    [Fact]
    public void A_file_of_only_comments_and_directives_is_SG1003()
    {
        var diagnostic = Fails("""
            # syntax=docker/dockerfile:1
            # nothing to build here

            """);

        Assert.Equal(("SG1003", DockerfilePath), (diagnostic.Code, diagnostic.File));
    }

    [Fact]
    public void A_file_of_only_global_ARGs_is_SG1003_at_the_last_ARG()
    {
        var diagnostic = Fails("""
            ARG A=1
            ARG B=2
            """);

        Assert.Equal(("SG1003", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_NUL_character_in_parsed_text_is_SG1002()
    {
        var diagnostic = Fails("FROM busybox\nRUN \0");

        Assert.Equal(("SG1002", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_device_with_no_end_as_the_Dockerfile_is_SG1002_naming_the_limit()
    {
        var diagnostic = LoadFails("/dev/zero");

        Assert.Equal("SG1002", diagnostic.Code);
        Assert.Contains("1 MiB", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Dockerfile_over_1_MiB_is_SG1002_naming_the_limit()
    {
        var comment = Encoding.UTF8.GetBytes("# " + new string('x', 1024 * 1024) + "\nFROM busybox\n");

        var diagnostic = LoadFails(Write(comment));

        Assert.Equal("SG1002", diagnostic.Code);
        Assert.Contains("larger than 1 MiB", diagnostic.Message, StringComparison.Ordinal);
    }
}
