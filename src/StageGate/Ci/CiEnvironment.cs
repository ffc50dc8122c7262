namespace StageGate.Ci;

/// <summary>
/// Whether this process runs in CI, decided here once: <c>CI</c> (set by most CI systems), <c>TF_BUILD</c>
/// (Azure Pipelines) or <c>GITHUB_ACTIONS</c> (GitHub Actions). <see cref="CiSystem"/> reads the same variables
/// the same way to choose which system's commands to speak.
/// </summary>
internal static class CiEnvironment
{
    public static IReadOnlyList<string> Variables { get; } = ["CI", "TF_BUILD", "GITHUB_ACTIONS"];

    public static bool IsCi(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Variables.Any(name => IsOn(environment(name)));
    }

    /// <summary>A variable that is set and not <c>false</c>/<c>0</c>: how a developer tells tools that read CI that this is not CI.</summary>
    public static bool IsOn(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase)
        && value.Trim() != "0";
}
