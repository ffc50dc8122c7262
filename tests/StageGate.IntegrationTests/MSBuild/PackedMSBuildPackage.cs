using StageGate.Tests;

namespace StageGate.IntegrationTests.MSBuild;

[CollectionDefinition(Name)]
public sealed class MSBuildPackageCollection : ICollectionFixture<PackedMSBuildPackage>
{
    public const string Name = "StageGate.MSBuild package";
}

/// <summary>
/// The newest StageGate.MSBuild package in artifacts/packages, served from a folder of its own with a
/// package cache of its own, so a restore never picks up an older build of the same version.
/// Created once per test run; the projects of every test live under <see cref="Root"/>.
/// </summary>
public sealed class PackedMSBuildPackage : IDisposable
{
    private const string PackageId = "StageGate.MSBuild";
    private readonly Lazy<string> _version;

    public PackedMSBuildPackage()
    {
        Root = Directory.CreateTempSubdirectory("stagegate-msbuild-").FullName;
        _version = new Lazy<string>(Prepare);
    }

    public string Root { get; }

    /// <summary>The package cache every test build restores into (NUGET_PACKAGES).</summary>
    public string PackagesCache => Path.Combine(Root, "nuget-packages");

    /// <summary>The package's version, copied into its feed on first use; fails the test when nothing is packed.</summary>
    public string Version => _version.Value;

    /// <summary>The package file in its feed, for a build context that must carry it (a Dockerfile's own restore).</summary>
    public string PackageFile => Path.Combine(Root, "feed", $"{PackageId}.{Version}.nupkg");

    private static string PackagesFolder => Path.Combine(RepoRoot.Path, "artifacts", "packages");

    private string Prepare()
    {
        var package = Directory.Exists(PackagesFolder)
            ? new DirectoryInfo(PackagesFolder).GetFiles(PackageId + ".*.nupkg")
                .Where(f => char.IsDigit(f.Name[(PackageId.Length + 1)..][0]))
                .MaxBy(f => f.LastWriteTimeUtc)
            : null;
        if (package is null)
        {
            Assert.Fail($"No {PackageId} package in {PackagesFolder}. Pack it first: dotnet pack src/StageGate.MSBuild -c Release -o artifacts/packages (the build's Pack target does).");
        }

        var feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(feed);
        package.CopyTo(Path.Combine(feed, package.Name));
        // The machine's own sources stay (a multi-targeted project needs reference packs); this feed is added.
        File.WriteAllText(Path.Combine(Root, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="stagegate-under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        // Stop MSBuild's upward search for these files at the root, whatever lies above the temp folder.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Root, name), "<Project />\n");
        }
        return package.Name[(PackageId.Length + 1)..^".nupkg".Length];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server still holding a file must not fail the run; the folder is in the temp folder.
        }
    }
}
