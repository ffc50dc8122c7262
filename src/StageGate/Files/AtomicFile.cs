using System.Text;

namespace StageGate.Files;

/// <summary>
/// Writes a file whole or not at all: the content goes to a temporary file beside the target, which is
/// renamed over it only once complete. A full disk or a cancelled run leaves the old file as it was
/// (a baseline passed as the report path survives) and never a 0-byte or half-written one.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte order mark, as <see cref="File.WriteAllText(string, string?)"/> does.</summary>
    public static Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = Encoding.UTF8.GetBytes(content);
        return WriteAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), cancellationToken);
    }

    /// <summary>
    /// Lets <paramref name="write"/> fill a temporary file beside <paramref name="path"/>, flushes it to the disk,
    /// then renames it over <paramref name="path"/>. The temporary file is removed whatever goes wrong.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be created, the disk is full, or the rename fails.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        // Beside the target, so the rename stays on one file system and is atomic; hidden, so a half-written
        // file left by a killed process is not mistaken for a report.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
            });
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                // Without this, a crash right after the rename can leave the new name pointing at empty blocks.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>Removes a file that may not exist; a failure to remove it must not hide the error that led here.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the caller is already failing or finishing, and a stray file is the lesser harm.
        }
    }
}
