using System.Text.Json;
using System.Text.RegularExpressions;
using StageGate.Budgets;
using StageGate.Configuration;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tests.Configuration;

public sealed class GateConfigurationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("stagegate-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Dockerfile => Path.Combine(folder, "app", "Dockerfile");

    private string WriteConfiguration(string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Dockerfile)!);
        File.WriteAllText(Dockerfile, "FROM busybox\n");
        var path = Path.Combine(folder, "app", "stagegate.json");
        File.WriteAllText(path, json);
        return path;
    }

    private StageGateException LoadFails(string json)
    {
        var path = WriteConfiguration(json);
        return Assert.Throws<StageGateException>(() => GateConfiguration.Load(path));
    }

    private static GateOptions Resolve(TestOptions options) => options;

    [Fact]
    public void The_file_fills_the_members_the_front_end_left_unset()
    {
        WriteConfiguration("""
            {
              "testTargets": ["unit", "lint"],
              "finalTarget": "runtime",
              "sizeBudget": "150MB",
              "growthBudget": "5%",
              "tags": ["app:ci"],
              "buildArgs": { "VERSION": "1.2" },
              "labels": { "team": "core" },
              "platforms": ["linux/amd64"],
              "builder": "ci",
              "sequential": true
            }
            """);

        var configured = Resolve(new TestOptions { Dockerfile = Dockerfile });

        Assert.Equal(["unit", "lint"], configured.Get(OptionTable.TestTargets));
        Assert.Equal("runtime", configured.Get(OptionTable.FinalTarget));
        Assert.Equal("150MB", configured.Get(OptionTable.SizeBudget));
        Assert.Equal("5%", configured.Get(OptionTable.GrowthBudget));
        Assert.Equal(["app:ci"], configured.Get(OptionTable.Tags));
        Assert.Equal("1.2", configured.Get(OptionTable.BuildArgs)["VERSION"]);
        Assert.Equal("core", configured.Get(OptionTable.Labels)["team"]);
        Assert.Equal(["linux/amd64"], configured.Get(OptionTable.Platforms));
        Assert.Equal("ci", configured.Get(OptionTable.Builder));
        Assert.True(configured.Get(OptionTable.Sequential));
    }

    [Fact]
    public void Settings_given_by_the_front_end_override_the_file()
    {
        WriteConfiguration("""
            { "testTargets": ["unit"], "finalTarget": "runtime", "sizeBudget": "150MB", "tags": ["app:ci"],
              "buildArgs": { "VERSION": "1.2" }, "builder": "ci" }
            """);
        var options = new TestOptions
        {
            Dockerfile = Dockerfile,
            TestTargets = ["integration"],
            FinalTarget = "slim",
            SizeBudget = "90MB",
            Tags = ["app:local"],
            BuildArgs = new Dictionary<string, string> { ["VERSION"] = "2.0" },
            Builder = "default",
        };

        var configured = Resolve(options);

        Assert.Equal(["integration"], configured.Get(OptionTable.TestTargets));
        Assert.Equal("slim", configured.Get(OptionTable.FinalTarget));
        Assert.Equal("90MB", configured.Get(OptionTable.SizeBudget));
        Assert.Equal(["app:local"], configured.Get(OptionTable.Tags));
        Assert.Equal("2.0", configured.Get(OptionTable.BuildArgs)["VERSION"]);
        Assert.Equal("default", configured.Get(OptionTable.Builder));
    }

    [Fact]
    public void A_blank_front_end_setting_counts_as_unset_because_MSBuild_passes_unset_properties_as_empty_strings()
    {
        WriteConfiguration("""{ "sizeBudget": "150MB" }""");

        var configured = Resolve(new TestOptions { Dockerfile = Dockerfile, SizeBudget = "" });

        Assert.Equal("150MB", configured.Get(OptionTable.SizeBudget));
    }

    [Fact]
    public void Sequential_false_in_the_file_does_not_turn_off_a_front_end_that_asked_for_it()
    {
        WriteConfiguration("""{ "sequential": false }""");

        var configured = Resolve(new TestOptions { Dockerfile = Dockerfile, Sequential = true });

        Assert.True(configured.Get(OptionTable.Sequential));
    }

    [Fact]
    public void Baseline_and_context_are_resolved_against_the_folder_of_stagegate_json()
    {
        WriteConfiguration("""{ "baseline": "reports/last.json", "context": ".." }""");

        var configured = Resolve(new TestOptions { Dockerfile = Dockerfile });

        Assert.Equal(Path.Combine(folder, "app", "reports", "last.json"), configured.Get(OptionTable.Baseline));
        Assert.Equal(folder, configured.Get(OptionTable.Context));
    }

    [Fact]
    public void The_options_name_the_file_they_used_so_the_pipeline_can_hash_it()
    {
        var path = WriteConfiguration("""{ "sizeBudget": "150MB" }""");

        var configured = Resolve(new TestOptions { Dockerfile = Dockerfile });

        Assert.Equal(path, configured.ConfigurationFile);
    }

    [Fact]
    public void Without_a_stagegate_json_the_options_come_back_unchanged()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Dockerfile)!);
        var options = new TestOptions { Dockerfile = Dockerfile };

        var configured = Resolve(options);

        Assert.Equal(OptionSource.Default, configured.SourceOf(OptionTable.SizeBudget));
        Assert.Null(configured.ConfigurationFile);
    }

    [Fact]
    public void The_file_is_ignored_when_the_options_turn_configuration_off()
    {
        WriteConfiguration("""{ "sizeBudget": "150MB" }""");

        var configured = Resolve(new TestOptions { Dockerfile = Dockerfile, UseConfigurationFile = false });

        Assert.Null(configured.Get(OptionTable.SizeBudget));
        Assert.Null(configured.ConfigurationFile);
    }

    [Fact]
    public void An_unknown_property_is_SG1015_at_its_line_and_suggests_the_nearest_name()
    {
        var error = LoadFails("""
            {
              "finalTarget": "runtime",
              "sizeBuget": "150MB"
            }
            """);

        Assert.Equal("SG1015", error.Code);
        Assert.Equal(3, error.Diagnostic.Line);
        Assert.Equal(3, error.Diagnostic.Column);
        Assert.EndsWith("stagegate.json", error.Diagnostic.File, StringComparison.Ordinal);
        Assert.Contains("Unknown property 'sizeBuget'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'sizeBudget'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_of_the_wrong_type_is_SG1015_naming_the_property_and_what_it_should_be()
    {
        var error = LoadFails("""
            {
              "sizeBudget": 150
            }
            """);

        Assert.Equal("SG1015", error.Code);
        Assert.Equal(2, error.Diagnostic.Line);
        Assert.Equal("'sizeBudget' must be a string (the final image's size budget, e.g. 150MB; units B, kB, MB, GB as docker prints them, or KiB, MiB, GiB), not a number.", error.Message);
    }

    [Fact]
    public void A_wrongly_typed_array_item_is_SG1015_pointing_at_the_item()
    {
        var error = LoadFails("""
            {
              "testTargets": [
                "unit",
                42
              ]
            }
            """);

        Assert.Equal(4, error.Diagnostic.Line);
        Assert.Equal("'testTargets' must be an array of strings (the test stages to build explicitly); item 2 is a number.", error.Message);
    }

    [Fact]
    public void A_build_arg_that_is_not_a_string_is_SG1015_telling_to_quote_it()
    {
        var error = LoadFails("""{ "buildArgs": { "VERSION": 3 } }""");

        Assert.Equal("SG1015", error.Code);
        Assert.Contains("'buildArgs.VERSION' must be a string, not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_JSON_is_SG1015_with_a_one_based_line_and_column()
    {
        var error = LoadFails("{\n  \"finalTarget\": \"runtime\"\n  \"sizeBudget\": \"150MB\"\n}");

        Assert.Equal("SG1015", error.Code);
        Assert.Equal(3, error.Diagnostic.Line);
        Assert.Equal(3, error.Diagnostic.Column);
        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void A_property_given_twice_is_SG1015()
    {
        var error = LoadFails("""{ "sizeBudget": "1MB", "sizeBudget": "2MB" }""");

        Assert.Contains("'sizeBudget' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_object_is_SG1015()
    {
        var error = LoadFails("""["test"]""");

        Assert.Equal("SG1015", error.Code);
        Assert.Contains("must hold a JSON object, not an array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_SG1015_asking_for_an_object()
    {
        var error = LoadFails("  \n");

        Assert.Equal("SG1015", error.Code);
        Assert.Contains("is empty; it must hold a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_string_is_SG1015_rather_than_a_silently_missing_gate()
    {
        var error = LoadFails("""{ "sizeBudget": " " }""");

        Assert.Contains("'sizeBudget' must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_a_byte_order_mark_and_the_schema_reference_are_accepted()
    {
        var path = WriteConfiguration("\uFEFF{\n  // why 150MB: the base image is 120MB\n  \"$schema\": \"./stagegate.schema.json\",\n  \"sizeBudget\": \"150MB\",\n}");

        var file = GateConfiguration.Load(path);

        Assert.Equal("150MB", file.Values[OptionTable.SizeBudget]);
    }

    [Fact]
    public void The_schema_lists_exactly_the_properties_the_loader_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "schemas", "stagegate.schema.json")));
        var inSchema = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(GateConfiguration.PropertyNames.Order(StringComparer.Ordinal), inSchema);
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Every_property_in_the_schema_is_read_by_the_loader_without_error()
    {
        var path = WriteConfiguration("""
            {
              "$schema": "x", "testTargets": ["t"], "finalTarget": "f", "sizeBudget": "1MB", "compressedSizeBudget": "500kB", "growthBudget": "5%",
              "baseline": "b.json", "tags": ["a:b"], "buildArgs": {}, "labels": {}, "platforms": ["linux/amd64"],
              "builder": "b", "sequential": true, "context": ".", "lint": { "SG5012": "error" }, "testResults": "/results", "testResultsDirectory": "out",
              "cacheFrom": ["type=registry,ref=r/app:cache"], "cacheTo": ["type=inline"], "noCacheFilter": ["test"],
              "network": "none", "addHosts": ["db:10.0.0.5"], "insecureRegistries": ["registry.example:5000"], "ociLayout": "out/image.tar"
            }
            """);
        using var document = JsonDocument.Parse(File.ReadAllText(path));

        GateConfiguration.Load(path);

        Assert.Equal(GateConfiguration.PropertyNames.Order(StringComparer.Ordinal),
            document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_size_budget_that_is_not_a_size_is_SG1012_at_its_line_in_stagegate_json()
    {
        var error = LoadFails("""
            {
              "sizeBudget": "150 megabytes"
            }
            """);

        Assert.Equal("SG1012", error.Code);
        Assert.Equal(2, error.Diagnostic.Line);
        Assert.EndsWith("stagegate.json", error.Diagnostic.File, StringComparison.Ordinal);
        Assert.StartsWith("'sizeBudget' in ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_growth_budget_that_is_neither_a_percentage_nor_a_size_is_SG1013_at_its_line()
    {
        var error = LoadFails("""{ "growthBudget": "5 percent" }""");

        Assert.Equal("SG1013", error.Code);
        Assert.Equal(1, error.Diagnostic.Line);
    }

    [Theory]
    [InlineData("150MB")]
    [InlineData("150 MB")]
    [InlineData("1.5GiB")]
    [InlineData("800kB")]
    [InlineData("800KB")]
    [InlineData("2TB")]
    [InlineData("400B")]
    [InlineData("1.5B")]
    [InlineData("150")]
    [InlineData("150mb")]
    [InlineData("150  MB")]
    [InlineData("150\tMB")]
    [InlineData(".5MB")]
    [InlineData("5.MB")]
    [InlineData("1.2.3MB")]
    [InlineData("-5MB")]
    [InlineData("5%")]
    public void The_schema_size_pattern_accepts_exactly_what_the_size_parser_accepts(string size)
    {
        Assert.Equal(ByteSize.TryParse(size, out _), SchemaPattern("sizeBudget").IsMatch(size));
    }

    [Theory]
    [InlineData("5%")]
    [InlineData("2.5 %")]
    [InlineData("10MB")]
    [InlineData("8MiB")]
    [InlineData("%")]
    [InlineData(".5%")]
    [InlineData("5 percent")]
    [InlineData("5%%")]
    public void The_schema_growth_pattern_accepts_exactly_what_the_growth_parser_accepts(string growth)
    {
        var parses = true;
        try
        {
            GrowthBudget.Parse(growth);
        }
        catch (StageGateException)
        {
            parses = false;
        }

        Assert.Equal(parses, SchemaPattern("growthBudget").IsMatch(growth));
    }

    private static Regex SchemaPattern(string property)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "schemas", "stagegate.schema.json")));
        var pattern = schema.RootElement.GetProperty("properties").GetProperty(property).GetProperty("pattern").GetString()!;
        return new Regex(pattern, RegexOptions.ECMAScript);
    }

    [Fact]
    public void A_device_with_no_end_as_stagegate_json_is_SG1015_naming_the_limit()
    {
        var error = Assert.Throws<StageGateException>(() => GateConfiguration.Load("/dev/zero"));

        Assert.Equal("SG1015", error.Code);
        Assert.Contains("larger than 1 MiB", error.Message, StringComparison.Ordinal);
    }
}
