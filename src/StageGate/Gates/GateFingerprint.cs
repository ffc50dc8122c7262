using System.Security.Cryptography;
using System.Text;
using StageGate.Context;

namespace StageGate.Gates;

/// <summary>
/// A hash of every input that decides a run's outcome, so a host can skip a run whose inputs already
/// passed. Secret values and environment are left out on purpose: only their names are inputs here.
/// It hashes the Dockerfile's bytes and the options as given rather than planning: the same inputs give
/// the same plan, and a no-op `dotnet build` should not pay for parsing.
/// </summary>
internal static class GateFingerprint
{
    public static string Compute(GateOptions given, CancellationToken cancellationToken)
    {
        var (dockerfilePath, configured, context) = GatePlan.ResolveInputs(given);
        var options = configured.Options;

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string label, string? value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{label}\u0001{value}\u0002"));
        }
        void AddFile(string label, string? path)
        {
            Add(label, path);
            if (path is not null && File.Exists(path))
            {
                hash.AppendData(File.ReadAllBytes(path));
            }
        }

        Add("version", typeof(GateFingerprint).Assembly.GetName().Version?.ToString());
        AddFile("dockerfile", dockerfilePath);
        AddFile("configuration", configured.ConfigurationFile);
        Add("context", context);
        Add("tests", string.Join(",", options.TestTargets));
        Add("final", options.FinalTarget);
        Add("tags", string.Join(",", options.Tags));
        Add("size", options.SizeBudget);
        Add("growth", options.GrowthBudget);
        AddFile("baseline", options.Baseline is null ? null : Path.GetFullPath(options.Baseline));
        Add("args", string.Join(",", options.BuildArgs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        Add("labels", string.Join(",", options.Labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        Add("secrets", string.Join(",", options.Secrets.Select(s => $"{s.Id}:{s.Environment}:{s.File}")));
        Add("builder", options.Builder);
        Add("platforms", string.Join(",", options.Platforms));
        Add("sequential", options.Sequential ? "1" : "0");

        var ignore = DockerIgnore.ForBuild(context, dockerfilePath);
        AddFile("ignore", ignore.SourcePath);
        Add("files", BuildContext.Fingerprint(context, ignore, cancellationToken));
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
