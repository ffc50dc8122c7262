using System.Collections.Immutable;
using StageGate.Hosting;

namespace StageGate.Gates;

/// <summary>
/// The options of one run, resolved: every value of the <see cref="OptionTable"/> after the front end's values
/// and stagegate.json were read, with who gave each one, so a message can name the place the user would change it.
/// Immutable; <see cref="With{T}"/> returns a changed copy.
/// </summary>
internal sealed record GateOptions
{
    private ImmutableDictionary<GateOption, object> Values { get; init; } = ImmutableDictionary<GateOption, object>.Empty;

    private ImmutableDictionary<GateOption, OptionSource> Sources { get; init; } = ImmutableDictionary<GateOption, OptionSource>.Empty;

    public GateOptions(FrontEnd frontEnd) => FrontEnd = frontEnd;

    /// <summary>Where the run reads environment variables (DOCKER_CONFIG, HOME): the host's, which may not be the process's.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The front end in use; hints name its options.</summary>
    public FrontEnd FrontEnd { get; }

    /// <summary>The stagegate.json that filled options, when one did.</summary>
    public string? ConfigurationFile { get; init; }

    /// <summary>Where a diagnostic about the options themselves points (the project file in MSBuild).</summary>
    public string? SettingsFile { get; init; }

    /// <summary>The Dockerfile's full path.</summary>
    public string Dockerfile => Get(OptionTable.Dockerfile)!;

    /// <summary>The docker program to run: the docker path option, or <c>docker</c> on PATH.</summary>
    public string Docker => Get(OptionTable.DockerPath)!;

    /// <summary>The option's value, or its default when nobody set it.</summary>
    public T Get<T>(GateOption<T> option) => Values.TryGetValue(option, out var value) ? (T)value : option.Default;

    /// <summary>The option's value as set, or its default, untyped (for hashing and rendering every option alike).</summary>
    public object? Value(GateOption option) => Values.TryGetValue(option, out var value) ? value : option.DefaultValue;

    public OptionSource SourceOf(GateOption option) => Sources.GetValueOrDefault(option, OptionSource.Default);

    /// <summary>
    /// The option as the user wrote it: <c>--budget</c>, <c>StageGateSizeBudget</c>, <c>SizeBudget</c>, or
    /// <c>sizeBudget in stagegate.json</c> when the value came from there.
    /// </summary>
    public string NameOf(GateOption option) =>
        SourceOf(option) == OptionSource.ConfigurationFile && option.Json is not null
            ? $"{option.Json} in stagegate.json"
            : option.NameIn(FrontEnd);

    /// <summary>The file where the option's value was set (the project file, stagegate.json), for a diagnostic about it.</summary>
    public string? FileOf(GateOption option) => SourceOf(option) switch
    {
        OptionSource.ConfigurationFile => ConfigurationFile,
        OptionSource.FrontEnd => SettingsFile,
        _ => null,
    };

    /// <summary>A copy with <paramref name="option"/> set; null clears it back to its default.</summary>
    public GateOptions With<T>(GateOption<T> option, T value, OptionSource source = OptionSource.FrontEnd) =>
        value is null
            ? this with { Values = Values.Remove(option), Sources = Sources.Remove(option) }
            : this with { Values = Values.SetItem(option, value), Sources = Sources.SetItem(option, source) };

    internal GateOptions WithValue(GateOption option, object value, OptionSource source) =>
        this with { Values = Values.SetItem(option, value), Sources = Sources.SetItem(option, source) };
}
