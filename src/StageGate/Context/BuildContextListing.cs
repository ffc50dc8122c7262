namespace StageGate.Context;

/// <summary>What a build would send from <paramref name="Directory"/>: every file, sorted by path (ordinal).</summary>
/// <param name="Directory">The context folder, as a full path.</param>
/// <param name="Files">The files sent, sorted by <see cref="ContextFile.Path"/> with ordinal comparison.</param>
internal sealed record BuildContextListing(string Directory, IReadOnlyList<ContextFile> Files)
{
    /// <summary>How many files are sent.</summary>
    public int Count => Files.Count;

    /// <summary>How many bytes the files add up to.</summary>
    public long Bytes => Files.Sum(f => f.Size);
}
