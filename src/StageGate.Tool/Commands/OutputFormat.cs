using StageGate.Diagnostics;

namespace StageGate.Tool.Commands;

/// <summary>The <c>--format</c> of the inspecting commands: text for people, json for scripts.</summary>
internal static class OutputFormat
{
    /// <exception cref="StageGateException">SG1016 for anything but text or json, so a typo exits 2 like any input error.</exception>
    public static bool IsJson(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "json" => true,
        "text" => false,
        _ => throw Codes.InvalidOption.Exception($"--format '{format}' is not a format; use text or json."),
    };
}
