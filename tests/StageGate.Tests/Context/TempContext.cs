namespace StageGate.Tests.Context;

/// <summary>A build context folder under the temp directory, deleted when the test ends.</summary>
internal sealed class TempContext : IDisposable
{
    public TempContext()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stagegate-context-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file at a <c>/</c>-separated path inside the context, creating its folders.</summary>
    public string Write(string relativePath, string content = "")
    {
        var full = Full(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Full(string relativePath) =>
        System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
