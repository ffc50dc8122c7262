using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using StageGate.Diagnostics;

namespace StageGate.Context;

/// <summary>
/// What a local build context sends to BuildKit, and a cheap fingerprint of it.
/// </summary>
/// <remarks>
/// The listing follows BuildKit's context transfer, not the classic builder: the ignore file is
/// applied as written, so a <c>.dockerignore</c> that lists the Dockerfile or itself leaves them out
/// (BuildKit reads the Dockerfile and the ignore file through a separate source). Only files and
/// links are listed; the folders that hold them carry no bytes worth budgeting.
/// </remarks>
internal static class BuildContext
{
    /// <summary>Every file the build would send from <paramref name="contextDirectory"/>, sorted by path.</summary>
    public static BuildContextListing Enumerate(
        string contextDirectory, DockerIgnore ignore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ignore);
        var root = RequireFolder(contextDirectory);
        var entries = ContextWalker.Walk(root, ignore, withTimes: false, cancellationToken);
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));

        var files = new ContextFile[entries.Count];
        for (var i = 0; i < files.Length; i++)
        {
            files[i] = new ContextFile(entries[i].Path, entries[i].Size);
        }
        return new BuildContextListing(root, files);
    }

    /// <summary>
    /// A SHA-256 (lower-case hex) over each sent file's path, size and last-write time: it changes when a
    /// sent file does, and not when an ignored one does. Contents are not read, so it stays cheap.
    /// </summary>
    public static string Fingerprint(
        string contextDirectory, DockerIgnore ignore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ignore);
        var root = RequireFolder(contextDirectory);
        var entries = ContextWalker.Walk(root, ignore, withTimes: true, cancellationToken);
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> numbers = stackalloc byte[17];
        var pathBytes = new byte[1024];
        foreach (var entry in entries)
        {
            var needed = Encoding.UTF8.GetMaxByteCount(entry.Path.Length);
            if (pathBytes.Length < needed)
            {
                pathBytes = new byte[needed];
            }
            var written = Encoding.UTF8.GetBytes(entry.Path, pathBytes);
            hash.AppendData(pathBytes, 0, written);
            // A NUL cannot occur in a path, so it ends the path unambiguously.
            numbers[0] = 0;
            BinaryPrimitives.WriteInt64LittleEndian(numbers[1..], entry.Size);
            BinaryPrimitives.WriteInt64LittleEndian(numbers[9..], entry.LastWriteTicks);
            hash.AppendData(numbers);
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    internal static StageGateException NotFound(string directory) =>
        Codes.ContextNotFound.Exception(File.Exists(directory)
            ? $"The build context {directory} is a file, not a folder."
            : $"The build context {directory} does not exist.");

    private static string RequireFolder(string contextDirectory)
    {
        ArgumentNullException.ThrowIfNull(contextDirectory);
        var root = Path.GetFullPath(contextDirectory);
        if (!Directory.Exists(root))
        {
            throw NotFound(root);
        }
        return root;
    }
}
