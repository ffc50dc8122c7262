using StageGate.Diagnostics;

namespace StageGate.Hosting;

/// <summary>
/// A project's StageGate properties and items as raw option values: the targets pass each property by its
/// name and each item with its item type, and the option table says which option each one is.
/// </summary>
internal static class MSBuildValues
{
    /// <exception cref="StageGateException">A property or item the table does not know: the package's targets and task disagree.</exception>
    public static OptionValues From(
        string projectFile,
        IEnumerable<(string Name, string Value)> properties,
        IEnumerable<(string ItemType, string Include, IReadOnlyDictionary<string, string> Metadata)> items)
    {
        var values = new OptionValues(FrontEnd.MSBuild, Path.GetDirectoryName(Path.GetFullPath(projectFile))!) { SettingsFile = projectFile };
        foreach (var (name, value) in properties)
        {
            var option = OptionTable.All.FirstOrDefault(o => o.MSBuildProperty == name) ?? throw Unknown("property", name, projectFile);
            values = values.Add(option, value);
        }
        foreach (var (itemType, include, metadata) in items)
        {
            var option = OptionTable.All.FirstOrDefault(o => o.MSBuildItem == itemType) ?? throw Unknown("item", itemType, projectFile);
            values = values.AddItem(option, include, metadata);
        }
        return values;
    }

    /// <summary>
    /// The same properties and items as <c>stagegate msbuild</c> gets them from Visual Studio's task: each property as
    /// <c>Name=Value</c> (split at the first <c>=</c>), each item as <c>Type=Include</c> followed by <c>;Name=Value</c>
    /// per metadata, the include and every value escaped as URI data, so <c>;</c> and <c>=</c> in them survive.
    /// </summary>
    /// <exception cref="StageGateException">An argument without <c>=</c>, or a name the table does not know.</exception>
    public static OptionValues FromArguments(string projectFile, IEnumerable<string> properties, IEnumerable<string> items) =>
        From(
            projectFile,
            properties.Select(p => NameAndValue(p, projectFile)),
            items.Select(item =>
            {
                var parts = item.Split(';');
                var (type, include) = NameAndValue(parts[0], projectFile);
                var metadata = parts.Skip(1).Select(m => NameAndValue(m, projectFile))
                    .ToDictionary(m => m.Name, m => Uri.UnescapeDataString(m.Value), StringComparer.OrdinalIgnoreCase);
                return (type, Uri.UnescapeDataString(include), (IReadOnlyDictionary<string, string>)metadata);
            }));

    private static (string Name, string Value) NameAndValue(string argument, string projectFile) =>
        argument.IndexOf('=', StringComparison.Ordinal) is var equals and > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : throw Codes.Unexpected.Exception($"The StageGate task passed '{argument}', which is not Name=Value; the package is inconsistent. Reinstall StageGate.MSBuild.", projectFile);

    private static StageGateException Unknown(string what, string name, string projectFile) =>
        Codes.Unexpected.Exception($"The StageGate targets pass the {what} '{name}', which this StageGate task does not know; the package is inconsistent. Reinstall StageGate.MSBuild.", projectFile);
}
