namespace StageGate.Ci;

/// <summary>
/// Whether this process runs in CI, decided here once: <c>CI</c> (set by most CI systems), or the variable a CI system
/// that does not set it always sets (<c>TF_BUILD</c> for Azure Pipelines, <c>JENKINS_URL</c>, <c>TEAMCITY_VERSION</c>, …).
/// In CI a missing Docker engine or .NET fails the build rather than skip the gates, and so do the tests that need them.
/// <c>CiSystem</c> reads <c>GITHUB_ACTIONS</c> and <c>TF_BUILD</c> the same way to choose which system's commands
/// to speak. Compiled, linked, into the .NET Framework task too, which applies the same rule without the core.
/// </summary>
internal static class CiEnvironment
{
    public static IReadOnlyList<string> Variables { get; } =
    [
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI", "TRAVIS",
        "BITBUCKET_BUILD_NUMBER", "CODEBUILD_BUILD_ID", "APPVEYOR", "DRONE", "BAMBOO_BUILDKEY", "JB_SPACE_EXECUTION_NUMBER",
    ];

    // An environment that answers null for every variable is simply not CI; the function itself is never null.
    public static bool IsCi(Func<string, string?> environment) => Variables.Any(name => IsOn(environment(name)));

    /// <summary>A variable that is set and not <c>false</c>/<c>0</c>: how a developer tells tools that read CI that this is not CI.</summary>
    public static bool IsOn(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && !string.Equals(value!.Trim(), "false", StringComparison.OrdinalIgnoreCase)
        && value.Trim() != "0";
}
