using System.Security.Cryptography;
using System.Text;
using StageGate.Context;

namespace StageGate.Gates;

/// <summary>
/// A hash of every input that decides a run's outcome, so a host can skip a run whose inputs already
/// passed. Secret values and environment are left out on purpose: only their names are inputs here.
/// </summary>
internal static class GateFingerprint
{
    public static string Compute(GatePlan plan, CancellationToken cancellationToken)
    {
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

        var options = plan.Options;
        Add("version", typeof(GateFingerprint).Assembly.GetName().Version?.ToString());
        AddFile("dockerfile", plan.DockerfilePath);
        AddFile("configuration", plan.ConfigurationFile);
        Add("context", plan.ContextDirectory);
        Add("tests", string.Join(",", plan.TestStages.Select(s => s.Index)));
        Add("final", plan.FinalStage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

        var ignore = DockerIgnore.ForBuild(plan.ContextDirectory, plan.DockerfilePath);
        AddFile("ignore", ignore.SourcePath);
        Add("files", BuildContext.Fingerprint(plan.ContextDirectory, ignore, cancellationToken));
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
