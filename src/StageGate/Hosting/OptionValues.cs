using System.Collections.Immutable;

namespace StageGate.Hosting;

/// <summary>
/// What a front end was given, raw: its flags, properties, items or settings, keyed by option, plus the folder
/// relative paths start from. Blank values, splitting, paths and stagegate.json are the core's to decide
/// (<see cref="OptionResolver"/>); a front end only copies what it has into here. Each <c>Add</c> returns a new value.
/// </summary>
internal sealed record OptionValues
{
    private ImmutableDictionary<GateOption, ImmutableList<OptionInput>> Inputs { get; init; } = ImmutableDictionary<GateOption, ImmutableList<OptionInput>>.Empty;

    public OptionValues(FrontEnd frontEnd, string baseFolder)
    {
        FrontEnd = frontEnd;
        BaseFolder = System.IO.Path.GetFullPath(baseFolder);
    }

    public FrontEnd FrontEnd { get; }

    /// <summary>Where relative paths start: the working folder, the project's folder, Cake's working directory.</summary>
    public string BaseFolder { get; }

    /// <summary>The file a diagnostic about these values points at (the project file in MSBuild), when there is one.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>The environment variables the run reads (bare secret names, CI detection); the process's own unless a test gives others.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Adds one text value (null or blank is "unset").</summary>
    public OptionValues Add(GateOption option, string? text) => Add(option, new OptionInput(text));

    /// <summary>Adds every value of a repeated flag, a list property or a collection setting.</summary>
    public OptionValues Add(GateOption option, IEnumerable<string?>? texts) =>
        (texts ?? []).Aggregate(this, (values, text) => values.Add(option, text));

    /// <summary>Adds a flag that the front end can tell apart from "not given" only when it is on.</summary>
    public OptionValues Add(GateOption option, bool on) => on ? Add(option, "true") : this;

    /// <summary>Adds an item: an include and its metadata (an MSBuild item, a Cake dictionary entry or secret).</summary>
    public OptionValues AddItem(GateOption option, string? include, IReadOnlyDictionary<string, string> metadata) =>
        Add(option, new OptionInput(include, metadata));

    /// <summary>Adds several items.</summary>
    public OptionValues AddItems(GateOption option, IEnumerable<(string Include, Dictionary<string, string> Metadata)> items) =>
        items.Aggregate(this, (values, item) => values.AddItem(option, item.Include, item.Metadata));

    public OptionValues Add(GateOption option, OptionInput input)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(input);
        var list = Inputs.TryGetValue(option, out var existing) ? existing : [];
        return this with { Inputs = Inputs.SetItem(option, list.Add(input)) };
    }

    /// <summary>What was given for <paramref name="option"/>, in order.</summary>
    public IReadOnlyList<OptionInput> For(GateOption option) =>
        Inputs.TryGetValue(option, out var list) ? list : [];
}
