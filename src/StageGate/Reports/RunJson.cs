using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Reports;

/// <summary>
/// A whole run as JSON, for a program that starts <c>stagegate</c> (<c>check --format json</c>, and Visual Studio's
/// MSBuild task through <c>stagegate msbuild</c>): the exit code, the summary line, every diagnostic in the report's
/// shape, the CI lines, and the JSON report itself when the gates gave a verdict. Unlike the report it exists for a run
/// that could not start, or was skipped.
/// </summary>
internal static class RunJson
{
    /// <summary>The shape version; a reader refuses newer shapes rather than misread them.</summary>
    public const int SchemaVersion = 1;

    /// <summary>A <c>stagegate check</c>.</summary>
    public static string Write(HostedRun<GateResult> run) => Write(run, null);

    /// <summary>An MSBuild check, with the task's outputs and whether it was skipped or stamped (member <c>msbuild</c>).</summary>
    public static string Write(IncrementalRun check) => Write(check.Run, check);

    private static string Write(HostedRun<GateResult>? run, IncrementalRun? check)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            // A skipped check is the last passing run's verdict, handed on.
            json.WriteNumber("exitCode", run?.ExitCode ?? ExitCodes.Passed);
            json.WriteBoolean("passed", run?.Passed ?? true);
            json.WriteString("summary", run?.Summary ?? IncrementalGate.SkippedMessage);
            // Nothing ran and only notes were said (a Dockerfile's own build in a container): the summary drops to normal importance.
            json.WriteBoolean("quiet", run?.Quiet ?? false);
            ReportJson.WriteDiagnostics(json, run?.Diagnostics ?? []);
            ReportJson.WriteStrings(json, "ciCommands", run?.CiCommands ?? []);
            json.WritePropertyName("report");
            if (run?.Result is { } result)
            {
                json.WriteRawValue(ReportJson.Write(result));
            }
            else
            {
                json.WriteNullValue();
            }
            if (check is not null)
            {
                json.WriteStartObject("msbuild");
                json.WriteBoolean("skipped", check.Skipped);
                json.WriteBoolean("stampWritten", check.StampWritten);
                json.WriteString("imageId", check.Outputs?.ImageId);
                json.WriteString("digest", check.Outputs?.Digest);
                json.WriteString("finalSizeBytes", check.Outputs?.FinalSizeBytes);
                json.WriteString("reportPath", check.Outputs?.ReportPath);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
