using System.Text.RegularExpressions;
using StageGate.Ci;

namespace StageGate.Tests.Ci;

/// <summary>
/// build/provision-docker.sh fails a seeding problem only in CI; it must call "CI" exactly what StageGate does, or a
/// CI system the core knows would get a provisioning run that warns and goes on.
/// </summary>
public sealed class ProvisioningCiDetectionTests
{
    [Fact]
    public void The_provisioning_script_counts_as_CI_the_same_variables_as_StageGate()
    {
        var script = File.ReadAllText(Path.Combine(RepoRoot.Path, "build", "provision-docker.sh"));
        var loop = Regex.Match(script, @"^\s*for name in (?<names>[A-Z_ ]+); do", RegexOptions.Multiline);

        Assert.True(loop.Success, "provision-docker.sh has no `for name in …; do` loop over the CI variables");
        var names = loop.Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CiEnvironment.Variables.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }
}
