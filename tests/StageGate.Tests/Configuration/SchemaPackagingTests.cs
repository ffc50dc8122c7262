using System.Diagnostics;
using System.Text.Json;
using StageGate.Diagnostics;

namespace StageGate.Tests.Configuration;

/// <summary>
/// SG1015 tells a user the schema is in the package they installed. These read each package project's
/// evaluated items, as pack sees them, rather than its text: the item is declared once, in Directory.Build.props.
/// </summary>
public class SchemaPackagingTests
{
    private const string PackagePath = "schemas/stagegate.schema.json";

    [Theory]
    [InlineData("StageGate")]
    [InlineData("StageGate.MSBuild")]
    [InlineData("StageGate.Cake")]
    [InlineData("StageGate.Tool")]
    public async Task Every_package_ships_the_stagegate_json_schema_where_SG1015_says(string project)
    {
        var evaluated = await EvaluateAsync(Path.Combine(RepoRoot.Path, "src", project, project + ".csproj"));
        var schema = Path.Combine(RepoRoot.Path, "schemas", "stagegate.schema.json");

        Assert.Equal("true", evaluated.GetProperty("Properties").GetProperty("IsPackable").GetString());
        var packed = evaluated.GetProperty("Items").GetProperty("None").EnumerateArray()
            .Where(item => item.GetProperty("FullPath").GetString() == schema)
            .Select(item => (Pack: item.GetProperty("Pack").GetString(), Folder: item.GetProperty("PackagePath").GetString()))
            .ToList();
        Assert.Equal([("true", "schemas/")], packed);
        Assert.Contains($"`{PackagePath}`", Codes.InvalidConfiguration.Remedy, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> EvaluateAsync(string projectFile)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        foreach (var argument in new[] { "msbuild", projectFile, "-getItem:None", "-getProperty:IsPackable", "-p:Configuration=Release", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var msbuild = Process.Start(start)!;
        var output = msbuild.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = msbuild.StandardError.ReadToEndAsync(timeout.Token);
        await msbuild.WaitForExitAsync(timeout.Token);
        Assert.True(msbuild.ExitCode == 0, $"dotnet msbuild {projectFile} failed: {await output}{await error}");
        using var json = JsonDocument.Parse(await output);
        return json.RootElement.Clone();
    }
}
