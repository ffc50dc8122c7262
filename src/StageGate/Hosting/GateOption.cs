namespace StageGate.Hosting;

/// <summary>
/// One row of the option table: what the option is called in each front end and in stagegate.json, how its raw
/// values are read, its default and its help. <see cref="OptionTable"/> holds every row; the CLI's options are
/// made from the rows, and tests hold the MSBuild targets, the Cake settings, the JSON schema and the docs to them.
/// </summary>
internal abstract record GateOption
{
    /// <summary>The option's name in the user's words; also the Cake setting's name.</summary>
    public required string Name { get; init; }

    public required OptionShape Shape { get; init; }

    /// <summary>One sentence for help text and the docs.</summary>
    public required string Help { get; init; }

    /// <summary>The default as the docs state it; null when unset means "not used".</summary>
    public string? DefaultText { get; init; }

    /// <summary>The CLI flag, e.g. <c>--budget</c>; null when the CLI has no such option.</summary>
    public string? Cli { get; init; }

    public string? CliAlias { get; init; }

    /// <summary>The MSBuild property, e.g. <c>StageGateSizeBudget</c>.</summary>
    public string? MSBuildProperty { get; init; }

    /// <summary>The MSBuild item, e.g. <c>StageGateBuildArg</c>, for options whose values carry metadata.</summary>
    public string? MSBuildItem { get; init; }

    /// <summary>The Cake setting (a property of <c>StageGateSettings</c>); null when Cake has none.</summary>
    public string? Cake { get; init; }

    /// <summary>The key in stagegate.json; null for options that belong to one run, not to the project.</summary>
    public string? Json { get; init; }

    /// <summary>The accepted words of a <see cref="OptionShape.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>
    /// Whether the option can change a gate's verdict, so a host's "unchanged since the last pass" check hashes it.
    /// Report paths and the CI flavour do not.
    /// </summary>
    public bool DecidesVerdict { get; init; } = true;

    /// <summary>Checks a text value beyond its shape (a budget's syntax); throws the value's own coded error.</summary>
    public Action<string>? Validate { get; init; }

    /// <summary>The value when nobody set the option.</summary>
    public abstract object? DefaultValue { get; }

    /// <summary>What the user of <paramref name="frontEnd"/> writes to set this option.</summary>
    public string NameIn(FrontEnd frontEnd) => frontEnd switch
    {
        FrontEnd.Cli => Cli,
        FrontEnd.MSBuild => MSBuildProperty ?? (MSBuildItem is null ? null : MSBuildItem + " items"),
        FrontEnd.Cake => Cake,
        _ => null,
    } ?? (Json is null ? Name : $"{Json} in stagegate.json");

    // Rows are compared by identity: two rows are never the same option.
    public virtual bool Equals(GateOption? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A row whose resolved value is a <typeparamref name="T"/>.</summary>
internal sealed record GateOption<T> : GateOption
{
    public required T Default { get; init; }

    public override object? DefaultValue => Default;

    public bool Equals(GateOption<T>? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => base.GetHashCode();
}
