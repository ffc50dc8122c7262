using System.Globalization;
using StageGate.Files;
using StageGate.Gates;

namespace StageGate.Measurement;

/// <summary>
/// The builder stage's measured size, remembered per project under the user's cache folder and keyed by the run's
/// inputs (<see cref="GateFingerprint"/>: Dockerfile, options, context files). Exporting the builder image only to
/// read its size cost every warm run a load of hundreds of megabytes, so it is exported only when the inputs changed.
/// </summary>
internal sealed record BuilderSizeCache(string File, string Key)
{
    /// <summary>The cache entry for the plan's builder stage, or null when the plan compares with no builder.</summary>
    public static BuilderSizeCache? For(GatePlan plan, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.BuilderStage is not { Name: not null } builder || builder.Index == plan.FinalStage.Index)
        {
            return null;
        }
        // One file per project and builder stage, overwritten when the inputs change, so entries never pile up.
        var project = GatePlan.DefaultTag(plan.ContextDirectory, plan.DockerfilePath, builder.DisplayName).Replace('/', '-').Replace(':', '-');
        var key = $"{GateFingerprint.Compute(plan.Options, cancellationToken)} {builder.DisplayName}";
        return new BuilderSizeCache(Path.Combine(Folder(environment), "builder-sizes", project), key);
    }

    /// <summary>The size measured for the same inputs, or null when the builder must be measured again.</summary>
    public long? Read()
    {
        try
        {
            // A key and a number: anything larger is not this cache's file, and every file StageGate reads is capped.
            var lines = Files.BoundedFile.ReadTextAtMost(File, new Files.InputLimit("Builder size cache", 4096))?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
            return lines is [var key, var size] && key == Key && long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                ? bytes
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Remembers <paramref name="sizeBytes"/>; a cache that cannot be written only costs the next run a measurement.</summary>
    public async Task WriteAsync(long sizeBytes, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.WriteAllTextAsync(File, $"{Key}\n{sizeBytes.ToString(CultureInfo.InvariantCulture)}\n", cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The savings line of this run is unaffected.
        }
    }

    // XDG_CACHE_HOME, else ~/.cache; the local application data folder on Windows.
    private static string Folder(Func<string, string?> environment)
    {
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "stagegate");
        }
        return OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "StageGate", "cache")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "stagegate");
    }
}
