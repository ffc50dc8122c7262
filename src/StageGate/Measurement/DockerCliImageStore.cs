using System.Globalization;
using System.Text;
using System.Text.Json;
using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Engine;
using StageGate.Processes;

namespace StageGate.Measurement;

/// <summary>
/// Reads images through the docker CLI, for endpoints the Engine client cannot speak (ssh://):
/// the CLI knows how to reach them.
/// </summary>
internal sealed class DockerCliImageStore(string docker) : IImageStore
{
    public async Task<ImageDetails?> InspectAsync(string image, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await RunAsync(["image", "inspect", "--format", "{{json .}}", image], cancellationToken);
        if (exitCode != 0)
        {
            // The docker CLI exits 1 for every failure; its "No such image" text is the only sign of a missing image.
            if (error.Contains("No such image", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            throw Codes.EngineRequestFailed.Exception($"`docker image inspect {image}` failed: {error.Trim()}");
        }

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        return new ImageDetails(
            root.GetProperty("Id").GetString() ?? "",
            Strings(root, "RepoTags"),
            Strings(root, "RepoDigests"),
            root.GetProperty("Size").GetInt64(),
            root.TryGetProperty("Created", out var created) && DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, out var when) ? when : null,
            root.TryGetProperty("Os", out var os) ? os.GetString() ?? "" : "",
            root.TryGetProperty("Architecture", out var arch) ? arch.GetString() ?? "" : "",
            root.TryGetProperty("RootFS", out var rootFs) ? Strings(rootFs, "Layers") : []);
    }

    public async Task<IReadOnlyList<ImageLayer>> HistoryAsync(string image, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await RunAsync(
            ["image", "history", "--no-trunc", "--human=false", "--format", "{{json .}}", image], cancellationToken);
        if (exitCode != 0)
        {
            throw Codes.EngineRequestFailed.Exception($"`docker image history {image}` failed: {error.Trim()}");
        }

        var layers = new List<ImageLayer>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var json = JsonDocument.Parse(line);
            var row = json.RootElement;
            layers.Add(new ImageLayer(
                row.GetProperty("ID").GetString() ?? "",
                DateTimeOffset.TryParse(row.GetProperty("CreatedAt").GetString(), CultureInfo.InvariantCulture, out var when) ? when : default,
                row.GetProperty("CreatedBy").GetString() ?? "",
                long.TryParse(row.GetProperty("Size").GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : 0,
                row.TryGetProperty("Comment", out var comment) ? comment.GetString() ?? "" : "",
                []));
        }
        return layers;
    }

    public void Dispose()
    {
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        try
        {
            var result = await ProcessRunner.RunAsync(
                new ProcessCommand(docker).WithArguments(arguments),
                OutputTarget.ToStringBuilder(output),
                OutputTarget.ToStringBuilder(error),
                cancellationToken);
            return (result.ExitCode, output.ToString(), error.ToString());
        }
        catch (ProcessNotStartedException ex)
        {
            throw DockerProbe.DockerNotFound(ex);
        }
    }

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [];
}
