using System.IO.Enumeration;

namespace StageGate.Context;

/// <summary>
/// Walks a context folder the way fsutil's filtered walk does: each path is matched with its parent
/// directory's pattern results, and an excluded directory is not entered unless a <c>!</c> pattern
/// could re-include something inside it. Paths are matched from a reused buffer, so an excluded
/// entry costs neither a string nor a stat.
/// </summary>
internal sealed class ContextWalker
{
    private readonly DockerIgnore _ignore;
    private readonly bool _withTimes;
    private readonly EnumerationOptions _readOneFolder;
    private readonly List<ContextEntry> _entries = new();
    private readonly List<PendingFolder> _folders = new();
    private char[] _path = new char[256];

    private ContextWalker(DockerIgnore ignore, bool withTimes, EnumerationOptions readOneFolder)
    {
        _ignore = ignore;
        _withTimes = withTimes;
        _readOneFolder = readOneFolder;
    }

    private enum EntryKind
    {
        Skipped,
        File,
        Folder,
    }

    /// <summary>Every file sent from <paramref name="root"/>, in no particular order.</summary>
    /// <remarks>
    /// Reads the folders of one depth in parallel: the walk waits on the file system, and one stat per
    /// file adds up, so both cores pay off.
    /// </remarks>
    public static List<ContextEntry> Walk(string root, DockerIgnore ignore, bool withTimes, CancellationToken cancellationToken)
    {
        var entries = new List<ContextEntry>();
        var level = new List<PendingFolder> { new(root, "", []) };
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        var readOneFolder = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
            // BuildKit fails on an unreadable folder it must send; a listing shows what can be read.
            IgnoreInaccessible = true,
        };
        var merge = new object();
        while (level.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = new List<PendingFolder>();
            Parallel.ForEach(
                level,
                options,
                () => new ContextWalker(ignore, withTimes, readOneFolder),
                (folder, _, walker) =>
                {
                    walker.Read(folder);
                    return walker;
                },
                walker =>
                {
                    lock (merge)
                    {
                        entries.AddRange(walker._entries);
                        next.AddRange(walker._folders);
                    }
                });
            level = next;
        }
        return entries;
    }

    private void Read(PendingFolder folder)
    {
        try
        {
            var entries = new FileSystemEnumerable<Found>(
                folder.FullPath, (ref FileSystemEntry entry) => Inspect(ref entry, folder), _readOneFolder);
            foreach (var found in entries)
            {
                switch (found.Kind)
                {
                    case EntryKind.File:
                        _entries.Add(new ContextEntry(found.RelativePath!, found.Size, found.LastWriteTicks));
                        break;
                    case EntryKind.Folder:
                        _folders.Add(new PendingFolder(found.FullPath!, found.RelativePath!, found.Matches!));
                        break;
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The folder was removed while the walk ran; a build started now would not send it either.
        }
    }

    private Found Inspect(ref FileSystemEntry entry, PendingFolder folder)
    {
        var path = RelativePath(folder.RelativePath, entry.FileName);
        // IsDirectory comes from the folder listing itself; it is also true for a link to a folder.
        var isDirectory = entry.IsDirectory;
        var patterns = _ignore.Patterns.Count;
        var matches = isDirectory && patterns > 0 ? new bool[patterns] : [];
        var excluded = patterns > 0 && _ignore.Evaluate(path, folder.Matches, matches);
        if (excluded && !isDirectory)
        {
            return default;
        }

        // A link is sent as a link and never followed, even when it points at a folder.
        var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        if (isDirectory && !isLink)
        {
            var relative = path.ToString();
            if (excluded && !_ignore.CouldReincludeInside(relative + "/"))
            {
                return default;
            }
            return new Found(EntryKind.Folder, relative, entry.ToFullPath(), 0, 0, matches);
        }
        if (excluded)
        {
            return default;
        }
        var ticks = _withTimes ? entry.LastWriteTimeUtc.UtcTicks : 0;
        return new Found(EntryKind.File, path.ToString(), null, entry.Length, ticks, null);
    }

    private ReadOnlySpan<char> RelativePath(string parent, ReadOnlySpan<char> name)
    {
        var length = parent.Length == 0 ? name.Length : parent.Length + 1 + name.Length;
        if (_path.Length < length)
        {
            _path = new char[Math.Max(length, _path.Length * 2)];
        }
        var span = _path.AsSpan(0, length);
        if (parent.Length == 0)
        {
            name.CopyTo(span);
        }
        else
        {
            parent.CopyTo(span);
            span[parent.Length] = '/';
            name.CopyTo(span[(parent.Length + 1)..]);
        }
        return span;
    }

    /// <summary>A folder still to read, with its pattern results for its children to inherit.</summary>
    private sealed record PendingFolder(string FullPath, string RelativePath, bool[] Matches);

    private readonly record struct Found(
        EntryKind Kind, string? RelativePath, string? FullPath, long Size, long LastWriteTicks, bool[]? Matches);
}
