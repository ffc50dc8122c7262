namespace StageGate.Buildx;

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
