using StageGate.Diagnostics;

namespace StageGate.Tool.Commands;

/// <summary>Parsing of the CLI's repeatable <c>KEY=VALUE</c> options.</summary>
internal static class OptionText
{
    /// <summary>
    /// <c>KEY=VALUE</c> pairs; the value may itself contain <c>=</c>. A bare <c>KEY</c> takes the value of
    /// the environment variable of that name, as <c>docker buildx build --build-arg KEY</c> does.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParsePairs(IEnumerable<string>? items, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? item : item[..equals]).Trim();
            if (key.Length == 0)
            {
                throw Codes.InvalidOption.Exception($"{option} '{item}' has no name; write it as {option} NAME=VALUE.");
            }
            var value = equals >= 0 ? item[(equals + 1)..] : Environment.GetEnvironmentVariable(key);
            if (value is null)
            {
                throw Codes.InvalidOption.Exception($"{option} '{key}' has no value and no environment variable '{key}' is set; write it as {option} {key}=VALUE.");
            }
            pairs[key] = value;
        }
        return pairs;
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, so lines keep their order.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
