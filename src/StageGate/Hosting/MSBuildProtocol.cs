namespace StageGate.Hosting;

/// <summary>
/// The words the package's targets, its two tasks and <c>stagegate msbuild</c> share. One file, compiled into the core
/// and, linked, into the .NET Framework task (which has no core), so the two sides cannot drift apart.
/// </summary>
internal static class MSBuildProtocol
{
    /// <summary>Metadata the targets add to every item so the task knows which item type it came from.</summary>
    public const string ItemTypeMetadata = "StageGateItemType";

    /// <summary>Starts a stderr line of <c>stagegate msbuild</c> the task logs at low importance, as the .NET task logs detail progress.</summary>
    public const string DetailPrefix = "detail: ";
}
