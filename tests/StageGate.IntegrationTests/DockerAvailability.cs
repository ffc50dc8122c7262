using StageGate.Diagnostics;
using StageGate.Engine;
using Xunit.Abstractions;

namespace StageGate.IntegrationTests;

/// <summary>
/// Whether a Docker daemon answers at the endpoint the docker CLI would use, probed once per test run.
/// Tests that need Docker start with <c>if (!await DockerAvailability.RequireAsync(output)) return;</c>:
/// on a developer's machine without Docker they stop with a visible message; with CI=true they fail.
/// </summary>
public static class DockerAvailability
{
    // Probed once: every test asking gets the same answer without paying for another ping.
    private static readonly Lazy<Task<string?>> WhyUnavailable = new(ProbeAsync);

    /// <summary>True when Docker answers; otherwise writes why and returns false, or fails the test when CI=true.</summary>
    public static async Task<bool> RequireAsync(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var reason = await WhyUnavailable.Value;
        if (reason is null)
        {
            return true;
        }
        if (StageGate.Ci.CiEnvironment.IsCi(Environment.GetEnvironmentVariable))
        {
            Assert.Fail($"Docker is required when CI=true, but it is unavailable: {reason}");
        }
        output.WriteLine($"Docker unavailable: {reason.TrimEnd('.')}; skipping");
        return false;
    }

    private static async Task<string?> ProbeAsync()
    {
        try
        {
            var endpoint = DockerEndpoint.Resolve();
            if (!endpoint.CanSpeak)
            {
                return $"the Docker endpoint {endpoint} is reachable only through the docker CLI";
            }
            using var client = new EngineClient(endpoint);
            await client.PingAsync();
            return null;
        }
        catch (StageGateException e)
        {
            return $"{e.Code}: {e.Message}";
        }
    }
}
