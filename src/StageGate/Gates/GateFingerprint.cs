using System.Security.Cryptography;
using System.Text;
using StageGate.Context;
using StageGate.Hosting;

namespace StageGate.Gates;

/// <summary>
/// A hash of every input that decides a run's outcome, so a host can skip a run whose inputs already
/// passed. Secret values and environment are left out on purpose: only their names are inputs here.
/// It hashes the Dockerfile's bytes and the options as given rather than planning: the same inputs give
/// the same plan, and a no-op `dotnet build` should not pay for parsing.
/// </summary>
internal static class GateFingerprint
{
    public static string Compute(GateOptions options, CancellationToken cancellationToken)
    {
        var (dockerfilePath, context) = GatePlan.ResolveInputs(options);

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
        AddFile("configuration", options.ConfigurationFile);
        Add("context", context);
        // Every option that can change a verdict, by its table row: a new option is hashed without a line here.
        foreach (var option in OptionTable.All.Where(o => o.DecidesVerdict))
        {
            Add(option.Name, Canonical(options, option));
        }
        AddFile("baseline", options.Get(OptionTable.Baseline));

        var ignore = DockerIgnore.ForBuild(context, dockerfilePath);
        AddFile("ignore", ignore.SourcePath);
        Add("files", BuildContext.Fingerprint(context, ignore, cancellationToken));
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>One option's value as text that changes whenever the value does (secrets by name and source, never by value).</summary>
    private static string Canonical(GateOptions options, GateOption option) => options.Value(option) switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "1" : "0",
        IReadOnlyDictionary<string, string> pairs => string.Join("\u0003", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
        IReadOnlyList<string> list => string.Join("\u0003", list),
        IReadOnlyList<BuildSecret> secrets => string.Join("\u0003", secrets.Select(s => $"{s.Id}:{s.Environment}:{s.File}")),
        var other => throw new InvalidOperationException($"Option {option.Name} has a value of type {other.GetType().Name} the fingerprint cannot hash."),
    };
}
