namespace StageGate.Gates;

/// <summary>Which size of the final image a number or a budget is about.</summary>
public enum SizeMetric
{
    /// <summary>The size in the engine once pulled and unpacked, as <c>docker image ls</c> prints it.</summary>
    Uncompressed,

    /// <summary>The size a registry stores and a pull downloads: the config and layers as the manifest lists them.</summary>
    Compressed,
}
