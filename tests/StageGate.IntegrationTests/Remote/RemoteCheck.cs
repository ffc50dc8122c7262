using System.Text;
using System.Text.Json;
using StageGate.Processes;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// <c>stagegate check</c> started as its own process with a given environment, as a CI runner pointed at a build
/// server starts it; the final image's id and size come from the JSON report it writes.
/// </summary>
internal static class RemoteCheck
{
    public sealed record Run(int Exit, string Output, string? ImageId, long? SizeBytes);

    public static async Task<Run> RunAsync(
        ITestOutputHelper output, IReadOnlyDictionary<string, string?> environment, string dockerfile, IEnumerable<string>? arguments = null,
        Action? whenStarted = null, CancellationToken cancellationToken = default)
    {
        var report = Path.Combine(Path.GetDirectoryName(dockerfile)!, "remote-report.json");
        var command = new ProcessCommand(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "StageGate.Tool.dll"), "check", "--ci", "none",
                "--file", dockerfile, "--report", report, .. arguments ?? []]);
        foreach (var (name, value) in environment)
        {
            command = command.WithEnvironment(name, value);
        }
        var all = new StringBuilder();
        var sink = OutputTarget.Merge(OutputTarget.ToStringBuilder(all), OutputTarget.ToLines(output.WriteLine));
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(3));
        var running = ProcessRunner.RunAsync(command, sink, sink, patience.Token);
        whenStarted?.Invoke();
        var result = await running;
        output.WriteLine($"exit {result.ExitCode}");
        if (!File.Exists(report))
        {
            return new Run(result.ExitCode, all.ToString(), null, null);
        }
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, cancellationToken));
        var final = json.RootElement.TryGetProperty("finalImage", out var image) && image.ValueKind == JsonValueKind.Object ? image : (JsonElement?)null;
        return new Run(
            result.ExitCode,
            all.ToString(),
            final?.TryGetProperty("imageId", out var id) == true && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
            final?.TryGetProperty("sizeBytes", out var size) == true && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : null);
    }
}
