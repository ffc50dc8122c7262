namespace StageGate.MSBuild;

/// <summary>
/// The dotnet executable that runs the stagegate CLI, found as MSBuild and the SDK's own tasks find it: the host that
/// runs this build (DOTNET_HOST_PATH), then DOTNET_ROOT, then PATH.
/// </summary>
internal static class DotnetHost
{
    public static string FileName => Path.DirectorySeparatorChar == '\\' ? "dotnet.exe" : "dotnet";

    /// <summary>The first of those that exists, or null.</summary>
    public static string? Find(Func<string, string?> environment, Func<string, bool> exists)
    {
        var candidates = new List<string?> { environment("DOTNET_HOST_PATH") };
        if (environment("DOTNET_ROOT") is { Length: > 0 } root)
        {
            candidates.Add(Path.Combine(root, FileName));
        }
        candidates.AddRange((environment("PATH") ?? "")
            .Split([Path.PathSeparator], StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => folder.Trim('"'))
            // .NET Framework's Path.Combine throws on characters a folder cannot have; such an entry names no dotnet.
            .Where(folder => folder.IndexOfAny(Path.GetInvalidPathChars()) < 0)
            .Select(folder => Path.Combine(folder, FileName)));
        return candidates.FirstOrDefault(candidate => !string.IsNullOrWhiteSpace(candidate) && exists(candidate!));
    }
}
