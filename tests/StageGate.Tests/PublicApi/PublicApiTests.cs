using PublicApiGenerator;

namespace StageGate.Tests.PublicApi;

/// <summary>
/// The public surface of each shipped assembly is pinned: a change to it shows up here and is a decision,
/// not an accident. To accept a change, run the tests with STAGEGATE_ACCEPT_API=1 and commit the .approved.txt.
/// </summary>
public class PublicApiTests
{
    [Theory]
    [InlineData("StageGate")]
    [InlineData("StageGate.MSBuild")]
    [InlineData("StageGate.Cake")]
    public void The_public_api_of_each_package_changes_only_on_purpose(string name)
    {
        // By name: the hosts' own assemblies (MSBuild, Cake) need not load for their surface to be read.
        var api = System.Reflection.Assembly.Load(name).GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");
        var approved = Path.Combine(RepoRoot.Path, "tests", "StageGate.Tests", "PublicApi", name + ".approved.txt");
        if (Environment.GetEnvironmentVariable("STAGEGATE_ACCEPT_API") == "1")
        {
            File.WriteAllText(approved, api);
        }

        Assert.True(File.Exists(approved), $"No approved API for {name}; run the tests with STAGEGATE_ACCEPT_API=1.");
        Assert.Equal(File.ReadAllText(approved).ReplaceLineEndings("\n"), api);
    }
}
