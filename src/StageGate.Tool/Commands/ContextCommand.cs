using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StageGate.Budgets;
using StageGate.Context;
using StageGate.Hosting;

namespace StageGate.Tool.Commands;

/// <summary><c>stagegate context</c>: what a build would send from a context folder, after the ignore file.</summary>
internal static class ContextCommand
{
    private const int LargestShown = 10;

    public static Command Create()
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The build context folder.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        var inputs = new TableOptions([OptionTable.Dockerfile]);
        var format = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };

        var command = new Command("context", "List the files a build would send from the context folder, after .dockerignore (the Dockerfile's own <name>.dockerignore wins).")
        {
            directory, format,
        };
        inputs.AddTo(command);

        ConsoleHost.SetInspection(command, inputs, (parse, options, cancellationToken) =>
        {
            var contextDirectory = parse.GetValue(directory)!;
            var ignore = DockerIgnore.ForBuild(contextDirectory, options.SourceOf(OptionTable.Dockerfile) == OptionSource.Default ? null : options.Dockerfile)
                .RequireWellFormed();
            var listing = BuildContext.Enumerate(contextDirectory, ignore, cancellationToken);
            return OutputFormat.IsJson(parse.GetValue(format)) ? Json(listing) : Text(listing, ignore);
        });
        return command;
    }

    /// <summary><c>{"files": [{"path", "size"}], "count", "bytes"}</c>, paths sorted as in the listing.</summary>
    internal static string Json(BuildContextListing listing)
    {
        using var buffer = new MemoryStream();
        // File names are data for scripts, not HTML: keep '+', '&' and non-ASCII letters readable.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var entry in listing.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", entry.Path);
                json.WriteNumber("size", entry.Size);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("count", listing.Count);
            json.WriteNumber("bytes", listing.Bytes);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + Environment.NewLine;
    }

    private static string Text(BuildContextListing listing, DockerIgnore ignore)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"Build context: {listing.Directory}");
        text.AppendLine(culture, $"Ignore file:   {ignore.SourcePath ?? "none"}");
        text.AppendLine(culture, $"Sends:         {listing.Count.ToString("N0", culture)} files, {ByteSizeFormat.Docker(listing.Bytes)}");

        var largest = listing.Files
            .OrderByDescending(f => f.Size)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .Take(LargestShown)
            .ToList();
        if (largest.Count > 0)
        {
            text.AppendLine(culture, $"Largest {largest.Count}:");
            foreach (var entry in largest)
            {
                text.AppendLine(culture, $"  {ByteSizeFormat.Docker(entry.Size),8}  {entry.Path}");
            }
        }
        return text.ToString();
    }
}
