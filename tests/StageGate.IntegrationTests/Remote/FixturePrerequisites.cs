namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// What the remote fixtures need from the machine, and the one rule for a missing part: on a developer's
/// machine the test stops with a visible reason; with CI=true it fails, naming the package that
/// build/provision-remote.sh installs.
/// </summary>
internal static class FixturePrerequisites
{
    /// <summary>Why a fixture needing <paramref name="programs"/> (path, Debian package) cannot run here; null when it can.</summary>
    public static string? WhyMissing(params (string Path, string Package)[] programs)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "the remote fixtures need root on Linux (they create network interfaces and trust a CA in /etc/docker/certs.d)";
        }
        foreach (var (path, package) in programs)
        {
            if (!File.Exists(path))
            {
                return $"{path} is missing: install Debian's {package} package (bash build/provision-remote.sh does)";
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="whyMissing"/> is null; otherwise writes why and returns false, or fails when CI=true.</summary>
    public static bool Met(ITestOutputHelper output, string? whyMissing)
    {
        if (whyMissing is null)
        {
            return true;
        }
        if (StageGate.Ci.CiEnvironment.IsCi(Environment.GetEnvironmentVariable))
        {
            Assert.Fail($"A remote fixture is required when CI=true, but {whyMissing}");
        }
        output.WriteLine($"{whyMissing}; skipping");
        return false;
    }
}
