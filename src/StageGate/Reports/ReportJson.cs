using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Files;
using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>
/// The JSON report: every field of a <see cref="GateResult"/> in a stable camelCase shape. A report
/// written by one run is the baseline of a later run's growth budget.
/// </summary>
internal static class ReportJson
{
    /// <summary>The shape version written into every report; a reader refuses newer shapes rather than misread them.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The report as indented JSON, every member present (null where unknown) so consumers see one shape.</summary>
    public static string Write(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // The file is read by people and tools, never embedded in HTML: keep "—" and "+" as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteBoolean("passed", result.Passed);
            json.WriteString("dockerfile", result.Dockerfile);
            json.WriteString("context", result.Context);
            json.WriteNumber("durationSeconds", Seconds(result.Duration));

            json.WriteStartArray("testStages");
            foreach (var stage in result.TestStages)
            {
                json.WriteStartObject();
                json.WriteString("target", stage.Target);
                json.WriteString("outcome", Name(stage.Outcome));
                json.WriteNumber("durationSeconds", Seconds(stage.Duration));
                WriteFailure(json, stage.Failure);
                if (stage.Counts is { } counts)
                {
                    json.WriteStartObject("tests");
                    json.WriteNumber("passed", counts.Passed);
                    json.WriteNumber("failed", counts.Failed);
                    json.WriteNumber("skipped", counts.Skipped);
                    json.WriteEndObject();
                }
                if (stage.ResultsFolder is { } folder)
                {
                    json.WriteString("resultsFolder", folder);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();

            WriteFinalImage(json, result.FinalImage);

            json.WriteStartArray("budgets");
            foreach (var budget in result.Budgets)
            {
                json.WriteStartObject();
                json.WriteString("kind", Name(budget.Kind));
                json.WriteString("outcome", Name(budget.Outcome));
                json.WriteString("budget", budget.Budget);
                json.WriteString("metric", Name(budget.Metric));
                json.WriteString("platform", budget.Platform);
                WriteNumber(json, "measuredBytes", budget.MeasuredBytes);
                WriteNumber(json, "limitBytes", budget.LimitBytes);
                WriteNumber(json, "baselineBytes", budget.BaselineBytes);
                json.WriteString("summary", budget.Summary);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            WriteDiagnostics(json, result.Diagnostics);

            json.WriteStartArray("steps");
            foreach (var step in result.Steps)
            {
                json.WriteStartObject();
                json.WriteString("target", step.Target);
                json.WriteString("step", step.Step);
                json.WriteBoolean("cached", step.Cached);
                json.WriteNumber("durationSeconds", Seconds(step.Duration));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The <c>diagnostics</c> array: severity, code, message, file, line, column and details of each, in order.</summary>
    internal static void WriteDiagnostics(Utf8JsonWriter json, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", Name(diagnostic.Severity));
            json.WriteString("code", diagnostic.Code);
            json.WriteString("message", diagnostic.Message);
            json.WriteString("file", diagnostic.File);
            WriteNumber(json, "line", diagnostic.Line);
            WriteNumber(json, "column", diagnostic.Column);
            WriteStrings(json, "details", diagnostic.Details);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// The final image size recorded in an earlier run's report, for a growth budget. Only
    /// <c>schemaVersion</c> and <c>finalImage.sizeBytes</c> are needed, so a hand-written baseline works too.
    /// </summary>
    /// <exception cref="StageGateException">SG1014 when the file is missing, is not a report, or records no measured size.</exception>
    public static long ReadBaselineSize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var document = Load(path);
        var root = new Reader(document.RootElement, path, "");
        var final = root.OptionalObject("finalImage");
        if (final is null)
        {
            throw Unreadable(path, $"Baseline report '{path}' has no final image: the run that wrote it stopped before the final stage was built. Use a report from a run that built and measured the final image.");
        }
        if (final.Value.OptionalLong("sizeBytes") is { } size)
        {
            return size >= 0 ? size : throw Unreadable(path, $"Baseline report '{path}' records a negative size ({size}) at finalImage.sizeBytes.");
        }

        var why = final.Value.OptionalEnum<GateOutcome>("outcome") switch
        {
            GateOutcome.CouldNotMeasure => "its run built the final image but could not measure it",
            GateOutcome.Failed => "its run failed to build the final image",
            GateOutcome.NotRun => "its run did not build the final image",
            _ => "finalImage.sizeBytes is missing",
        };
        throw Unreadable(path, $"Baseline report '{path}' has no measured size: {why}. Use a report from a run that measured the final image.");
    }

    /// <summary>
    /// The compressed sizes an earlier run's report recorded per platform (<c>finalImage.platforms</c>), keyed by
    /// platform (<c>""</c> for a single-platform push that named none).
    /// </summary>
    /// <exception cref="StageGateException">
    /// SG1014 when the file is missing, is not a report, or records no compressed size (written before StageGate read
    /// registries, or by a run that did not push): a growth budget in the compressed metric would never be checked.
    /// </exception>
    public static IReadOnlyDictionary<string, long> ReadCompressedBaseline(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var document = Load(path);
        var final = new Reader(document.RootElement, path, "").OptionalObject("finalImage")
            ?? throw Unreadable(path, $"Baseline report '{path}' has no final image: the run that wrote it stopped before the final stage was built. Use a report from a run that built and measured the final image.");
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var platform in final.OptionalObjects("platforms"))
        {
            if (platform.OptionalLong("compressedSizeBytes") is { } size && size >= 0)
            {
                sizes[platform.OptionalString("platform") ?? ""] = size;
            }
        }
        return sizes.Count > 0 ? sizes
            : throw Unreadable(path, $"Baseline report '{path}' records no compressed size: the run that wrote it did not push or export the final image, or predates compressed sizes. Use the report of a run that pushed the image (or exported its OCI layout) as the baseline for a growth budget beside a compressed budget.");
    }

    private static void WriteFinalImage(Utf8JsonWriter json, FinalImageResult? image)
    {
        if (image is null)
        {
            json.WriteNull("finalImage");
            return;
        }
        json.WriteStartObject("finalImage");
        json.WriteString("target", image.Target);
        json.WriteString("outcome", Name(image.Outcome));
        json.WriteString("imageId", image.ImageId);
        json.WriteString("digest", image.Digest);
        WriteStrings(json, "tags", image.Tags);
        WriteNumber(json, "sizeBytes", image.SizeBytes);
        // The docker-style size is for people reading the file; readers use sizeBytes.
        json.WriteString("size", image.SizeBytes is { } size ? new ByteSize(size).ToString() : null);
        // sizeBytes stays the uncompressed size, so reports written before compressed sizes existed read the same.
        WriteNumber(json, "compressedSizeBytes", image.CompressedSizeBytes);
        json.WriteString("compressedSize", image.CompressedSizeBytes is { } compressed ? new ByteSize(compressed).ToString() : null);
        json.WriteStartArray("platforms");
        foreach (var platform in image.Platforms)
        {
            json.WriteStartObject();
            json.WriteString("platform", platform.Platform);
            json.WriteString("digest", platform.Digest);
            json.WriteNumber("compressedSizeBytes", platform.CompressedSizeBytes);
            json.WriteString("compressedSize", new ByteSize(platform.CompressedSizeBytes).ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("layers");
        foreach (var layer in image.Layers)
        {
            json.WriteStartObject();
            json.WriteNumber("sizeBytes", layer.SizeBytes);
            json.WriteString("createdBy", layer.CreatedBy);
            WriteNumber(json, "line", layer.Line);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("builderStage", image.BuilderStage);
        WriteNumber(json, "builderSizeBytes", image.BuilderSizeBytes);
        WriteFailure(json, image.Failure);
        json.WriteEndObject();
    }

    private static void WriteFailure(Utf8JsonWriter json, FailedStep? failure)
    {
        if (failure is null)
        {
            json.WriteNull("failure");
            return;
        }
        json.WriteStartObject("failure");
        json.WriteString("target", failure.Target);
        json.WriteString("stage", failure.Stage);
        json.WriteNumber("step", failure.Step);
        json.WriteString("stepText", failure.StepText);
        json.WriteString("instruction", failure.Instruction);
        WriteNumber(json, "line", failure.Line);
        json.WriteString("error", failure.Error);
        WriteStrings(json, "output", failure.Output);
        json.WriteEndObject();
    }

    internal static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    // Milliseconds are as precise as a build timing gets; more digits would only be noise in the file.
    private static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3);

    private static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static JsonDocument Load(string path)
    {
        string json;
        try
        {
            json = BoundedFile.ReadTextAtMost(path, InputLimit.Report)
                ?? throw InputLimit.Report.TooLarge(Codes.BaselineUnreadable, path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Unreadable(path, $"Report '{path}' does not exist. Write one with the report option (--report, StageGateReportPath) in an earlier run.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, $"Report '{path}' cannot be read: {e.Message}", e);
        }
        return ParseDocument(json, path);
    }

    private static JsonDocument ParseDocument(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            var message = e.Message.Split(" LineNumber:")[0];
            throw new StageGateException(
                Codes.BaselineUnreadable.Create($"Report '{source}' is not valid JSON: {message}", source, line, column), e);
        }

        try
        {
            var root = new Reader(document.RootElement, source, "");
            var version = root.OptionalLong("schemaVersion")
                ?? throw Unreadable(source, $"'{source}' is not a StageGate report: it has no schemaVersion.");
            if (version > SchemaVersion)
            {
                throw Unreadable(source, $"Report '{source}' has schemaVersion {version}, written by a newer StageGate; this version reads schemaVersion {SchemaVersion}.");
            }
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static StageGateException Unreadable(string path, string message, Exception? inner = null)
    {
        var diagnostic = Codes.BaselineUnreadable.Create(message, path);
        return inner is null ? new StageGateException(diagnostic) : new StageGateException(diagnostic, inner);
    }

    /// <summary>Typed access to one JSON object; a wrong or missing member is an SG1014 naming its path in the report.</summary>
    private readonly struct Reader(JsonElement element, string source, string prefix)
    {
        public string? OptionalString(string name) => Get(name, JsonValueKind.String, "a string") is { } value ? value.GetString() : null;

        public long? OptionalLong(string name)
        {
            if (Get(name, JsonValueKind.Number, "a whole number") is not { } value)
            {
                return null;
            }
            return value.TryGetInt64(out var number) ? number : throw Wrong(name, "a whole number");
        }

        public T? OptionalEnum<T>(string name)
            where T : struct, Enum
        {
            if (OptionalString(name) is not { } text)
            {
                return null;
            }
            // Enum.TryParse also takes numbers and comma lists; only the written names are valid here.
            return System.Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } known
                ? System.Enum.Parse<T>(known)
                : throw Wrong(name, OneOf<T>());
        }

        /// <summary>The objects of an array member; none when it is absent.</summary>
        public IEnumerable<Reader> OptionalObjects(string name)
        {
            if (Get(name, JsonValueKind.Array, "an array") is not { } array)
            {
                yield break;
            }
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                yield return item.ValueKind == JsonValueKind.Object
                    ? new Reader(item, source, $"{Path(name)}[{index++}]")
                    : throw Wrong(name, "an array of objects");
            }
        }

        public Reader? OptionalObject(string name) =>
            Get(name, JsonValueKind.Object, "an object") is { } value ? new Reader(value, source, Path(name)) : null;

        /// <summary>The member, null when absent or null, or an error when it has another kind.</summary>
        private JsonElement? Get(string name, JsonValueKind kind, string expected)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Wrong("", "an object");
            }
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var matches = value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
            return matches ? value : throw Wrong(name, expected);
        }

        private string Path(string name) => name.Length == 0 ? prefix : prefix.Length == 0 ? name : $"{prefix}.{name}";

        private StageGateException Wrong(string name, string expected) =>
            Unreadable(source, $"'{source}' is not a StageGate report: {(Path(name).Length == 0 ? "the document" : Path(name))} should be {expected}.");

        private static string OneOf<T>()
            where T : struct, Enum => "one of " + string.Join(", ", System.Enum.GetNames<T>().Select(n => $"\"{char.ToLowerInvariant(n[0])}{n[1..]}\""));
    }
}
