using BenchmarkDotNet.Attributes;
using StageGate.Context;

namespace StageGate.Benchmarks;

/// <summary>
/// Walking a 100,000-file context: ~20,000 source files that are sent and ~80,000 under an ignored
/// <c>node_modules</c>, with a few <c>!</c> rules elsewhere. Goal: well under a second.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ContextBenchmarks
{
    /// <summary>Ignore rules of a typical Node or .NET repository.</summary>
    public const string IgnoreText = """
        # dependencies are installed inside the image
        node_modules
        **/bin
        **/obj
        *.log
        !src/module0/keep.log
        docs/**
        !docs/README.md
        """;

    private const string CompleteMarker = ".generated";

    private DockerIgnore _ignore = DockerIgnore.Empty;

    /// <summary>
    /// The tree lives under the temp folder and is reused by every benchmark process (and by the
    /// end-to-end timing of <c>stagegate context</c>): writing 100,000 files takes longer than walking them.
    /// </summary>
    public static string ContextDirectory { get; } = Path.Combine(Path.GetTempPath(), "stagegate-bench-context");

    [GlobalSetup]
    public void CreateContext()
    {
        GenerateTree(ContextDirectory);
        _ignore = DockerIgnore.ForBuild(ContextDirectory, null);
    }

    [Benchmark]
    public int Enumerate() => BuildContext.Enumerate(ContextDirectory, _ignore).Count;

    [Benchmark]
    public string Fingerprint() => BuildContext.Fingerprint(ContextDirectory, _ignore);

    /// <summary>20,000 sent files in 100 modules, 80,000 ignored ones in 800 packages.</summary>
    public static void GenerateTree(string root)
    {
        if (File.Exists(Path.Combine(root, CompleteMarker)))
        {
            return;
        }
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var content = new string('x', 100);
        for (var module = 0; module < 100; module++)
        {
            for (var folder = 0; folder < 10; folder++)
            {
                var dir = Directory.CreateDirectory(Path.Combine(root, "src", $"module{module}", $"folder{folder}")).FullName;
                for (var file = 0; file < 20; file++)
                {
                    File.WriteAllText(Path.Combine(dir, $"file{file}.cs"), content);
                }
            }
        }
        for (var package = 0; package < 800; package++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(root, "node_modules", $"package{package}", "lib")).FullName;
            for (var file = 0; file < 100; file++)
            {
                File.WriteAllText(Path.Combine(dir, $"file{file}.js"), content);
            }
        }
        File.WriteAllText(Path.Combine(root, "src", "module0", "keep.log"), content);
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "docs", "README.md"), content);
        File.WriteAllText(Path.Combine(root, "Dockerfile"), "FROM busybox\nCOPY src /src\n");
        File.WriteAllText(Path.Combine(root, ".dockerignore"), IgnoreText);
        File.WriteAllText(Path.Combine(root, CompleteMarker), "");
    }
}
