using System.Text;

namespace StageGate.Files;

/// <summary>Reads a whole file, but never more than a cap: a device such as <c>/dev/zero</c> or a FIFO has no length to check first.</summary>
internal static class BoundedFile
{
    private const int FirstBuffer = 16 * 1024;

    /// <summary>The file's text, or null when it holds more than <paramref name="limit"/> bytes.</summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static string? ReadTextAtMost(string path, InputLimit limit)
    {
        if (ReadAtMost(path, limit) is not { } bytes)
        {
            return null;
        }
        // Decoded as File.ReadAllText does: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/> bytes.</summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static byte[]? ReadAtMost(string path, InputLimit limit)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limit);
        var cap = limit.Bytes;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        // A regular file's length is known up front; /dev/zero reports 0 and a FIFO none, so the loop below is their guard.
        var known = stream.CanSeek ? stream.Length : 0;
        if (known > cap)
        {
            return null;
        }

        // One byte past the cap is enough to know the file is too large, so the buffer never grows beyond cap + 1.
        var buffer = new byte[(int)Math.Min(cap + 1L, Math.Max(known + 1, FirstBuffer))];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > cap)
                {
                    return null;
                }
                Array.Resize(ref buffer, (int)Math.Min(cap + 1L, buffer.Length * 2L));
            }
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return buffer[..total];
    }
}
