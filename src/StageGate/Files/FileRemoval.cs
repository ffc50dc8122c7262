namespace StageGate.Files;

/// <summary>
/// Removes a file that may not be there, handing a failure to a note instead of throwing. Compiled into the core and,
/// linked, into the .NET Framework task, which removes the same stamp the core writes.
/// </summary>
internal static class FileRemoval
{
    /// <summary>Removes <paramref name="path"/>; one that cannot be removed is handed to <paramref name="note"/>.</summary>
    public static void Delete(string path, Action<string>? note)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            note?.Invoke($"StageGate: could not delete '{path}' ({e.Message}).");
        }
    }
}
