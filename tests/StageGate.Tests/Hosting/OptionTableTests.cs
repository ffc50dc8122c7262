using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using StageGate.Cake;
using StageGate.Gates;
using StageGate.Hosting;
using StageGate.Tool.Commands;
using DirectoryPath = Cake.Core.IO.DirectoryPath;
using FilePath = Cake.Core.IO.FilePath;

namespace StageGate.Tests.Hosting;

/// <summary>
/// The option table is the one list of options; these hold each front end, stagegate.json's schema and the docs
/// to it, so an option cannot be added, renamed or removed on one side only.
/// </summary>
public class OptionTableTests
{
    private static readonly string TargetsPath = Path.Combine(RepoRoot.Path, "src", "StageGate.MSBuild", "build", "StageGate.MSBuild.targets");

    private static readonly string SchemaPath = Path.Combine(RepoRoot.Path, "schemas", "stagegate.schema.json");

    // Not an option: it decides what the Cake alias does with a failure, not what is gated.
    private const string CakeOnlySetting = nameof(StageGateSettings.ReturnResultOnFailure);

    public static TheoryData<string> CakeSettings => [.. OptionTable.All.Select(o => o.Cake).OfType<string>()];

    [Fact]
    public void Every_MSBuild_property_in_the_table_is_passed_to_the_task_exactly_once_and_nothing_else_is() =>
        Assert.Equal(
            OptionTable.All.Select(o => o.MSBuildProperty).OfType<string>().Order(StringComparer.Ordinal),
            PassedToTheTask("_StageGateProperty", name: "Include", reference: "Value", property => $"$({property})"));

    [Fact]
    public void Every_MSBuild_item_in_the_table_is_passed_to_the_task_exactly_once_and_nothing_else_is() =>
        Assert.Equal(
            OptionTable.All.Select(o => o.MSBuildItem).OfType<string>().Order(StringComparer.Ordinal),
            PassedToTheTask("_StageGateItem", name: "StageGateItemType", reference: "Include", item => $"@({item})"));

    [Fact]
    public void Every_Cake_setting_in_the_table_is_a_settable_property_of_StageGateSettings_and_nothing_else_is()
    {
        var properties = typeof(StageGateSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        Assert.All(properties, p => Assert.True(p.SetMethod?.IsPublic == true, $"{p.Name} has no public setter"));
        Assert.Equal(
            OptionTable.All.Select(o => o.Cake).OfType<string>().Order(StringComparer.Ordinal),
            properties.Select(p => p.Name).Where(name => name != CakeOnlySetting).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CakeSettings))]
    public void Setting_a_Cake_setting_gives_its_option_a_value_and_no_other_option_one(string setting)
    {
        var settings = new StageGateSettings();
        var property = typeof(StageGateSettings).GetProperty(setting)!;
        property.SetValue(settings, SampleValue(property.PropertyType));

        var values = settings.ToValues(new DirectoryPath("/work"));

        var given = OptionTable.All.Where(o => values.For(o).Any(input => !string.IsNullOrWhiteSpace(input.Text))).Select(o => o.Name);
        Assert.Equal(new[] { OptionTable.All.Single(o => o.Cake == setting).Name }, given);
    }

    [Fact]
    public void Every_stagegate_json_key_in_the_table_is_in_the_schema_with_the_type_its_shape_reads()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var properties = schema.RootElement.GetProperty("properties");

        Assert.All(OptionTable.All.Where(o => o.Json is not null), row =>
        {
            Assert.True(properties.TryGetProperty(row.Json!, out var property), $"the schema lacks '{row.Json}'");
            var (type, valueType) = JsonTypes(row.Shape);
            Assert.Equal(type, property.GetProperty("type").GetString());
            if (valueType is not null)
            {
                var values = property.GetProperty(type == "array" ? "items" : "additionalProperties");
                Assert.Equal(valueType, values.GetProperty("type").GetString());
            }
        });
    }

    [Fact]
    public void The_schema_allows_no_stagegate_json_key_that_the_table_lacks()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(
            OptionTable.All.Select(o => o.Json).OfType<string>().Prepend("$schema").Order(StringComparer.Ordinal),
            schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_CLI_flag_in_the_table_is_an_option_of_stagegate_check_with_its_alias_and_help_and_nothing_else_is()
    {
        // --format says how the run is printed, not how the gates run: the command's own, like lint's.
        var options = CheckCommand.Create().Options.Where(o => o.Name != "--format").ToList();
        var rows = OptionTable.All.Where(o => o.Cli is not null).ToList();

        Assert.Equal(rows.Select(o => o.Cli!).Order(StringComparer.Ordinal), options.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.All(rows, row =>
        {
            var option = options.Single(o => o.Name == row.Cli);
            Assert.Equal(new[] { row.CliAlias }.OfType<string>(), option.Aliases);
            Assert.StartsWith(row.Help, option.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_two_options_share_a_name_in_any_front_end_or_in_stagegate_json()
    {
        var names = new Dictionary<string, IEnumerable<string?>>
        {
            ["option"] = OptionTable.All.Select(o => o.Name),
            ["CLI"] = OptionTable.All.SelectMany(o => new[] { o.Cli, o.CliAlias }),
            ["MSBuild"] = OptionTable.All.SelectMany(o => new[] { o.MSBuildProperty, o.MSBuildItem }),
            ["Cake"] = OptionTable.All.Select(o => o.Cake),
            ["stagegate.json"] = OptionTable.All.Select(o => o.Json),
        };

        var shared = names.SelectMany(n => n.Value.OfType<string>()
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{n.Key}: {g.Key}"));
        Assert.Empty(shared);
    }

    [Fact]
    public void Docs_options_md_is_generated_from_the_option_table() =>
        GeneratedDocument.AssertUpToDate(
            OptionsDocument.RelativePath, OptionsDocument.Render(), "src/StageGate/Hosting/OptionTable.cs", nameof(OptionTableTests));

    [Fact]
    public void The_options_reference_has_one_row_per_option()
    {
        var document = OptionsDocument.Render();

        Assert.All(OptionTable.All, row => Assert.Contains($"\n| {row.Name} | ", document, StringComparison.Ordinal));
        Assert.Equal(OptionTable.All.Count + 2, document.Split('\n').Count(line => line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("|---", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("README.md", "docs/options.md")]
    [InlineData("docs/cake.md", "options.md")]
    public void The_readme_and_the_Cake_guide_link_the_options_reference_instead_of_listing_options_themselves(string file, string link)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot.Path, file));

        Assert.Contains(lines, line => line.Contains($"]({link})", StringComparison.Ordinal));
        // A hand-kept table row per option is what drifted before (the Cake guide lacked the report settings).
        var rowStarts = OptionTable.All.SelectMany(o => new[] { o.Cli, o.MSBuildProperty, o.Cake }).OfType<string>().Select(name => $"| `{name}` |");
        Assert.DoesNotContain(lines, line => rowStarts.Any(start => line.StartsWith(start, StringComparison.Ordinal)));
    }

    // The names the targets pass in elements of one kind, each checked to pass its own property or item.
    private static IEnumerable<string?> PassedToTheTask(string element, string name, string reference, Func<string?, string> referenceTo)
    {
        var passed = XDocument.Load(TargetsPath).Descendants()
            .Where(e => e.Name.LocalName == element)
            .Select(e => (Name: (string?)e.Attribute(name), Reference: (string?)e.Attribute(reference)))
            .ToList();
        Assert.All(passed, p => Assert.Equal(referenceTo(p.Name), p.Reference));
        return passed.Select(p => p.Name).Order(StringComparer.Ordinal);
    }

    // What stagegate.json's reader accepts for each shape: a list is an array of strings, pairs an object of strings.
    private static (string Type, string? ValueType) JsonTypes(OptionShape shape) => shape switch
    {
        OptionShape.Text or OptionShape.Path or OptionShape.Program or OptionShape.Choice => ("string", null),
        OptionShape.List or OptionShape.CommaList => ("array", "string"),
        OptionShape.Pairs => ("object", "string"),
        OptionShape.Flag => ("boolean", null),
        _ => throw new InvalidOperationException($"stagegate.json has no type for {shape}; decide one here and in the schema."),
    };

    private static object SampleValue(Type type) => type switch
    {
        _ when type == typeof(string) => "sample",
        _ when type == typeof(bool) => true,
        _ when type == typeof(FilePath) => new FilePath("sample.txt"),
        _ when type == typeof(DirectoryPath) => new DirectoryPath("sample"),
        _ when type == typeof(ICollection<string>) => new List<string> { "sample" },
        _ when type == typeof(ICollection<BuildSecret>) => new List<BuildSecret> { new("sample", Environment: "SAMPLE") },
        _ when type == typeof(IDictionary<string, string>) => new Dictionary<string, string> { ["SAMPLE"] = "value" },
        _ => throw new InvalidOperationException($"No sample value for a setting of type {type}; add one here."),
    };
}
