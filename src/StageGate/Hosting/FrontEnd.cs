namespace StageGate.Hosting;

/// <summary>Where a user meets StageGate; hints and option names are phrased for the one in use.</summary>
internal enum FrontEnd
{
    /// <summary>The <c>stagegate</c> command line.</summary>
    Cli,

    /// <summary><c>dotnet build</c> through the StageGate.MSBuild package.</summary>
    MSBuild,

    /// <summary>A Cake script through the StageGate.Cake addin.</summary>
    Cake,
}
