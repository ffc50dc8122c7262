using System.Globalization;

namespace StageGate.Buildx;

/// <summary>
/// What <c>docker buildx version</c> prints: <c>github.com/docker/buildx v0.13.1 788433953af1…</c> upstream,
/// <c>github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3</c> from Debian.
/// </summary>
internal sealed record BuildxVersion(string Text, Version Version, string? Revision)
{
    public bool IsAtLeast(int major, int minor, int patch = 0) => Version >= new Version(major, minor, patch);

    /// <summary>Null when the output is not buildx's version line: the probe reports what it saw instead of throwing.</summary>
    public static BuildxVersion? Parse(string? output)
    {
        foreach (var line in Lines(output))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[0].EndsWith("/buildx", StringComparison.Ordinal)
                && ParseVersion(words[1]) is { } version)
            {
                return new BuildxVersion(words[1], version, words.Length > 2 ? words[2] : null);
            }
        }
        return null;
    }

    /// <summary>Reads the leading <c>major.minor[.patch]</c> of <c>v0.13.1</c>, <c>0.13.1+ds1</c>, <c>v0.8+unknown</c>.</summary>
    internal static Version? ParseVersion(string text)
    {
        var start = text.StartsWith('v') ? 1 : 0;
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }
        var parts = text[start..end].Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts.Length > 3 || text[start..end].EndsWith('.'))
        {
            return null;
        }
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }
        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    internal static IEnumerable<string> Lines(string? output) =>
        (output ?? "").Split('\n').Select(l => l.TrimEnd('\r').Trim()).Where(l => l.Length > 0);
}

/// <summary>
/// What <c>docker buildx inspect [builder]</c> says about a builder: its driver (<c>docker</c>,
/// <c>docker-container</c>, …) and, per node, whether it runs and which BuildKit it has.
/// </summary>
internal sealed record BuilderInfo(string Name, string Driver, IReadOnlyList<BuilderNode> Nodes)
{
    /// <summary>The first node's status (<c>running</c>, <c>inactive</c>…), the one a single-node builder has.</summary>
    public string? Status => Nodes.FirstOrDefault()?.Status;

    public string? BuildKitVersion => Nodes.FirstOrDefault()?.BuildKitVersion;

    public bool IsRunning => Nodes.Any(n => n.Status == "running");

    /// <summary>Null when the output has no builder name and driver.</summary>
    public static BuilderInfo? Parse(string? output)
    {
        string? name = null, driver = null;
        var nodes = new List<BuilderNode>();
        BuilderNode? node = null;
        foreach (var line in BuildxVersion.Lines(output))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line == "Nodes:" || colon <= 0)
            {
                continue;
            }
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "Name" when node is null && name is null:
                    name = value;
                    break;
                case "Name":
                    node = new BuilderNode(value);
                    nodes.Add(node);
                    break;
                case "Driver" when node is null:
                    driver = value;
                    break;
                case "Endpoint" when node is not null:
                    Replace(nodes, ref node, node with { Endpoint = value });
                    break;
                case "Status" when node is not null:
                    Replace(nodes, ref node, node with { Status = value });
                    break;
                // "BuildKit version:" since buildx 0.11, "Buildkit:" before.
                case "BuildKit version" or "Buildkit" or "BuildKit" when node is not null:
                    Replace(nodes, ref node, node with { BuildKitVersion = value });
                    break;
                case "Platforms" when node is not null:
                    Replace(nodes, ref node, node with { Platforms = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) });
                    break;
                case "Error" when node is not null:
                    Replace(nodes, ref node, node with { Error = value });
                    break;
            }
        }
        return name is null || driver is null ? null : new BuilderInfo(name, driver, nodes);
    }

    private static void Replace(List<BuilderNode> nodes, ref BuilderNode? node, BuilderNode updated)
    {
        nodes[^1] = updated;
        node = updated;
    }
}

/// <summary>One node of a builder.</summary>
internal sealed record BuilderNode(string Name)
{
    public string? Endpoint { get; init; }
    public string? Status { get; init; }

    /// <summary>As printed, e.g. <c>v0.8+unknown</c>; see <see cref="Version"/> for the numbers.</summary>
    public string? BuildKitVersion { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = [];
    public string? Error { get; init; }

    public Version? Version => BuildKitVersion is null ? null : BuildxVersion.ParseVersion(BuildKitVersion);
}
