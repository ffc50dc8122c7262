using System.Diagnostics;
using System.Text;
using Microsoft.Build.Utilities;
using StageGate.Hosting;
using StageGate.MSBuild;

namespace StageGate.Tests.MSBuild;

public class ToolArgumentsTests
{
    private const string ProjectFile = "/src/app/app.csproj";

    // Values that break naive quoting: spaces, quotes, backslashes before a quote and at the end, MSBuild's list
    // separator, '=', a tab, a line break, '@' (a response file to System.CommandLine at the start of a token), non-ASCII.
    private static readonly string[] AwkwardValues =
    [
        "plain",
        "",
        "two words",
        "say \"hi\"",
        @"C:\Program Files\app\",
        @"a\\""b",
        @"ends with a backslash\",
        "a;b=c",
        "tab\there",
        "line\nbreak",
        "@file",
        "größe ≤ 1MB",
    ];

    public static TheoryData<string> Awkward => new(AwkwardValues);

    [Theory]
    [MemberData(nameof(Awkward))]
    public void A_command_line_splits_back_into_exactly_its_arguments(string value)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The splitting below is .NET's on Linux and macOS, which follows Windows' rules; printf is Unix's.
        }
        string[] arguments = ["first", value, "last"];

        Assert.Equal(arguments, SplitByDotnet(ToolArguments.CommandLine(arguments)));
    }

    [Fact]
    public void Every_MSBuild_property_and_item_of_the_option_table_reaches_the_CLI_as_the_NET_task_reads_it()
    {
        // Generic over the table: a row added later is covered without a line here.
        var properties = OptionTable.All.Where(o => o.MSBuildProperty is not null)
            .Select((o, i) => Property(o.MSBuildProperty!, AwkwardValues[i % AwkwardValues.Length])).ToList();
        var items = OptionTable.All.Where(o => o.MSBuildItem is not null)
            .SelectMany(o => new[]
            {
                Item(o.MSBuildItem!, "NAME;with=odd \"chars\"", ("Value", "v;1=2 \\\""), ("Env", "TOKEN"), ("File", "secrets/a b.txt")),
                Item(o.MSBuildItem!, "BARE"),
            }).ToList();
        Assert.NotEmpty(properties);
        Assert.NotEmpty(items);

        var arguments = ToolArguments.For("stagegate.dll", ProjectFile, "passed.stamp", "result.json", properties, items);
        var viaCli = MSBuildValues.FromArguments(ProjectFile, Values(arguments, "--property"), Values(arguments, "--item"));
        var inProcess = MSBuildValues.From(
            ProjectFile,
            properties.Select(p => (p.ItemSpec, p.GetMetadata("Value"))),
            items.Select(i => (i.GetMetadata(MSBuildProtocol.ItemTypeMetadata), i.ItemSpec,
                (IReadOnlyDictionary<string, string>)i.CloneCustomMetadata().Keys.Cast<string>().Where(n => n != MSBuildProtocol.ItemTypeMetadata)
                    .ToDictionary(n => n, i.GetMetadata, StringComparer.OrdinalIgnoreCase))));

        foreach (var option in OptionTable.All)
        {
            Assert.Equal(Shown(inProcess.For(option)), Shown(viaCli.For(option)));
        }
        Assert.Equal(inProcess.BaseFolder, viaCli.BaseFolder);
    }

    [Fact]
    public void The_CLI_runs_the_msbuild_command_with_the_project_the_stamp_and_the_result_file_first()
    {
        var arguments = ToolArguments.For("/pkg/tools/net8.0/StageGate.Tool.dll", ProjectFile, "/obj/passed.stamp", "/tmp/result.json", [], []);

        Assert.Equal(["/pkg/tools/net8.0/StageGate.Tool.dll", "msbuild", "--project", ProjectFile, "--stamp", "/obj/passed.stamp", "--result", "/tmp/result.json"], arguments);
    }

    [Fact]
    public void The_item_type_marker_is_not_passed_on_as_metadata()
    {
        Assert.Equal("StageGateBuildArg=V;Value=1", ToolArguments.Item(Item("StageGateBuildArg", "V", ("Value", "1"))));
    }

    private static TaskItem Property(string name, string value) => new(name, new Dictionary<string, string> { ["Value"] = value });

    private static TaskItem Item(string type, string include, params (string Name, string Value)[] metadata)
    {
        // No '%' in these values, so MSBuild's escaped form is the text itself.
        var item = new TaskItem(include);
        item.SetMetadata(MSBuildProtocol.ItemTypeMetadata, type);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }
        return item;
    }

    private static IEnumerable<string> Values(IReadOnlyList<string> arguments, string option) =>
        arguments.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => arguments[p.i + 1]);

    private static string Shown(IReadOnlyList<OptionInput> inputs) =>
        string.Join("\n", inputs.Select(i => i.Text + " {" + string.Join(", ", (i.Metadata ?? new Dictionary<string, string>()).OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")) + "}"));

    // .NET splits ProcessStartInfo.Arguments itself on Unix; printf shows what the child got, one NUL-terminated argument each.
    private static string[] SplitByDotnet(string commandLine)
    {
        var start = new ProcessStartInfo("printf", @"%s\0 " + commandLine) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
        using var printf = Process.Start(start)!;
        var output = printf.StandardOutput.ReadToEnd();
        printf.WaitForExit();
        return output.Split('\0')[..^1];
    }
}
