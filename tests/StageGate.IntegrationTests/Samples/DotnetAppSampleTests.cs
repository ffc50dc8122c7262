using System.Xml.Linq;
using StageGate.IntegrationTests.MSBuild;

namespace StageGate.IntegrationTests.Samples;

/// <summary>
/// samples/dotnet-app gates its own image: `dotnet build` of a copy, with the packed StageGate.MSBuild in its local
/// feed, builds the Dockerfile's xunit test stage on the seeded SDK image, brings the TRX out, and measures the final
/// aspnet image against the sample's budget; inside the image the same project builds without a word about it.
/// </summary>
[Collection(MSBuildPackageCollection.Name)]
public sealed class DotnetAppSampleTests(PackedMSBuildPackage package, ITestOutputHelper output)
{
    [Fact]
    public async Task The_sample_dotnet_build_runs_its_xunit_tests_in_the_image_brings_the_TRX_out_and_keeps_the_budget()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var sample = new DotnetAppCopy(package, output, "dotnet-app-passes");

        var build = await sample.BuildAsync("stagegate-it/dotnet-app:passes");

        Assert.True(build.Succeeded, "the build failed");
        Assert.Matches(@"StageGate: tests passed \(1 stage; 5 passed, 0 failed, 0 skipped\), final image \d+MB ≤ 250MB budget", build.Output);
        // Nothing from the gates inside the image reaches the host's log as a warning, and nothing else warns either.
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);
        Assert.Equal("0", File.ReadAllText(Path.Combine(sample.TestResults, "exit-code")).Trim());
        Assert.Equal(("5", "0"), Counters(Path.Combine(sample.TestResults, "tests.trx")));
    }

    [Fact]
    public async Task A_broken_xunit_test_fails_the_sample_build_at_the_test_line_with_its_TRX_on_the_host()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        var sample = new DotnetAppCopy(package, output, "dotnet-app-test-fails");
        sample.Replace("tests/Slugs.Tests/SlugTests.cs", "[InlineData(\"Hello, World!\", \"hello-world\")]", "[InlineData(\"Hello, World!\", \"hello_world\")]");

        var build = await sample.BuildAsync("stagegate-it/dotnet-app:test-fails");

        Assert.False(build.Succeeded, "the build passed");
        var test = System.Text.RegularExpressions.Regex.Escape(sample.PathOf("tests/Slugs.Tests/SlugTests.cs"));
        Assert.Matches($@"{test}\(12,1\): error SG3007: Test '[^']*A_title_becomes_lower_case_words_joined_by_dashes[^']*' failed in test stage 'test'", build.Output);
        Assert.Contains($"{sample.PathOf("Dockerfile")}(18,1): error SG3006: Test stage 'test' failed: its tests exited with code 1 (4 passed, 1 failed, 0 skipped).",
            build.Output, StringComparison.Ordinal);
        Assert.Contains("StageGate: tests failed", build.Output, StringComparison.Ordinal);
        Assert.Equal("1", File.ReadAllText(Path.Combine(sample.TestResults, "exit-code")).Trim());
        Assert.Equal(("4", "1"), Counters(Path.Combine(sample.TestResults, "tests.trx")));
    }

    private static (string? Passed, string? Failed) Counters(string trx)
    {
        var counters = XDocument.Load(trx).Descendants().Single(e => e.Name.LocalName == "Counters");
        return ((string?)counters.Attribute("passed"), (string?)counters.Attribute("failed"));
    }
}
