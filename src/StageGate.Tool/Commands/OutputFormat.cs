using StageGate.Diagnostics;

namespace StageGate.Tool.Commands;

/// <summary>The <c>--format</c> of the inspecting commands: text for people, json (or sarif) for tools.</summary>
internal static class OutputFormat
{
    /// <summary>The format named, in lower case.</summary>
    /// <exception cref="StageGateException">SG1016 for any word but <paramref name="accepted"/>, so a typo exits 2 like any input error.</exception>
    public static string Choose(string? format, params string[] accepted)
    {
        var chosen = format?.Trim().ToLowerInvariant();
        return accepted.Contains(chosen)
            ? chosen!
            : throw Codes.InvalidOption.Exception($"--format '{format}' is not a format; use {string.Join(", ", accepted[..^1])} or {accepted[^1]}.");
    }

    /// <summary>True for json, false for text.</summary>
    /// <exception cref="StageGateException">SG1016 for anything else.</exception>
    public static bool IsJson(string? format) => Choose(format, "text", "json") == "json";
}
