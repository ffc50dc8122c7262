using StageGate.Configuration;
using StageGate.Gates;

namespace StageGate.Hosting;

/// <summary>
/// Raw front-end values → the run's options: each value read by its option's shape, then stagegate.json beside
/// the Dockerfile fills what the front end left unset (front-end values win), then defaults.
/// </summary>
internal static class OptionResolver
{
    /// <exception cref="Diagnostics.StageGateException">The first value that cannot be read, or a broken stagegate.json.</exception>
    public static GateOptions Resolve(OptionValues values, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var reading = new OptionReading(values.BaseFolder, o => o.NameIn(values.FrontEnd))
        {
            SplitsOnSemicolons = values.FrontEnd == FrontEnd.MSBuild,
            BareNameReadsVariable = values.FrontEnd == FrontEnd.Cli,
            File = values.SettingsFile,
            Environment = environment ?? values.Environment,
        };

        var options = new GateOptions(values.FrontEnd) { SettingsFile = values.SettingsFile, Environment = reading.Environment };
        foreach (var option in OptionTable.All)
        {
            if (OptionReader.Read(option, values.For(option), reading) is { } value)
            {
                options = options.WithValue(option, value, OptionSource.FrontEnd);
            }
        }

        // A path's default is relative to the base folder, like any path the front end gives. Kept as a default, so a
        // message about it names the option rather than a place the user never wrote, and stagegate.json may still set it.
        foreach (var path in (GateOption<string?>[])[OptionTable.Dockerfile, OptionTable.TestResultsDirectory])
        {
            if (options.SourceOf(path) == OptionSource.Default)
            {
                options = options.WithValue(path, OptionReader.FullPath(values.BaseFolder, path.Default!), OptionSource.Default);
            }
        }
        var dockerfile = options.Dockerfile;

        if (options.Get(OptionTable.NoConfig) || GateConfiguration.Beside(dockerfile) is not { } file)
        {
            return options;
        }
        foreach (var (option, value) in file.Values.Where(v => options.SourceOf(v.Key) == OptionSource.Default))
        {
            options = options.WithValue(option, value, OptionSource.ConfigurationFile);
        }
        return options with { ConfigurationFile = file.Path };
    }
}
