namespace StageGate.Hosting;

/// <summary>Who gave an option its value, so a hint names the place the user would change it.</summary>
internal enum OptionSource
{
    /// <summary>Nobody: the option's default.</summary>
    Default,

    /// <summary>The front end in use: a CLI flag, an MSBuild property or item, a Cake setting.</summary>
    FrontEnd,

    /// <summary>stagegate.json beside the Dockerfile.</summary>
    ConfigurationFile,
}
