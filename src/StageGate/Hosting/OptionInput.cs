namespace StageGate.Hosting;

/// <summary>
/// One raw value as a front end has it: plain text (a flag's argument, a property, a setting), or an item with
/// metadata (an MSBuild item, a Cake dictionary entry or secret), whose Include is <see cref="Text"/>.
/// </summary>
internal sealed record OptionInput(string? Text, IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>An item's metadata value, null when absent or blank.</summary>
    public string? this[string name] =>
        Metadata is not null && Metadata.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
