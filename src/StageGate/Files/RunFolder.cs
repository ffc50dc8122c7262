using StageGate.Diagnostics;

namespace StageGate.Files;

/// <summary>
/// The temp folder one run keeps its own files in (buildx's bake definition, its metadata files), so a run never
/// reads another's and everything it wrote goes with one delete when it ends, whatever its outcome.
/// </summary>
internal sealed class RunFolder : IDisposable
{
    private RunFolder(string path) => Path = path;

    public string Path { get; }

    /// <exception cref="StageGateException">SG2011 when the temp folder cannot take it.</exception>
    public static RunFolder Create()
    {
        try
        {
            return new RunFolder(Directory.CreateTempSubdirectory("stagegate-").FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.TemporaryFileNotWritten.Create($"Could not create a folder in the temp folder '{System.IO.Path.GetTempPath()}': {e.Message}"), e);
        }
    }

    /// <summary>A file of this run, named after what it holds.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the run is already ending, and a stray folder is the lesser harm than a hidden verdict.
        }
    }
}
