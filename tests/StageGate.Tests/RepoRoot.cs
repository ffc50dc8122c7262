namespace StageGate.Tests;

/// <summary>The checkout this test run was built from, found by walking up to Integration.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Integration.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Integration.sln not found above " + AppContext.BaseDirectory);
    }
}
