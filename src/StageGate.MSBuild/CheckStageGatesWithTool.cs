using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace StageGate.MSBuild;

/// <summary>
/// Runs the gates of one Dockerfile through the packed <c>stagegate</c> CLI (<c>dotnet StageGate.Tool.dll msbuild</c>),
/// for an MSBuild that cannot load the .NET task: Visual Studio's, on .NET Framework. It passes the same properties and
/// items as the .NET task gets, reads the CLI's JSON result, and logs the same coded diagnostics at the same lines, with
/// the same outputs and the same incremental skip (decided by the CLI, so an unchanged build starts no docker process).
/// </summary>
public sealed class CheckStageGatesWithTool : ToolTask
{
    // The codes this shell logs itself; Codes.cs documents them, and a test holds these to it.
    internal const string CancelledCode = "SG2007";
    internal const string NoDotnetCode = "SG2040";
    internal const string NoResultCode = "SG2041";

    /// <summary>A stderr line the CLI marks as detail (logged at low importance, as the .NET task logs detail progress).</summary>
    internal const string DetailPrefix = "detail: ";

    private readonly List<string> _errorTail = [];
    private string? _dotnet;
    private string _resultFile = "";
    private volatile bool _cancelled;

    /// <summary>The project file: relative paths start at its folder, and a diagnostic without a file points at it.</summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>Every StageGate property: Include = the property's name, metadata Value = its value.</summary>
    public ITaskItem[] Properties { get; set; } = [];

    /// <summary>Every StageGate item, with metadata StageGateItemType = its item type.</summary>
    public ITaskItem[] Items { get; set; } = [];

    /// <summary>Holds the fingerprint of the last passing run's inputs; written only after a clean pass.</summary>
    [Required]
    public string StampFile { get; set; } = "";

    /// <summary>The stagegate CLI the package carries (tools/net8.0/StageGate.Tool.dll).</summary>
    [Required]
    public string ToolAssembly { get; set; } = "";

    /// <summary>The final image's ID, from this run or, when it was skipped, from the last passing run.</summary>
    [Output]
    public string? ImageId { get; private set; }

    /// <summary>The final image's repository digest, when it has one.</summary>
    [Output]
    public string? Digest { get; private set; }

    /// <summary>The final image's size in bytes, as text; empty when it could not be measured.</summary>
    [Output]
    public string? FinalSizeBytes { get; private set; }

    /// <summary>The JSON report this run wrote, when one was asked for.</summary>
    [Output]
    public string? ReportPath { get; private set; }

    /// <inheritdoc />
    protected override string ToolName => DotnetHost.FileName;

    // The CLI writes UTF-8 whatever the console's code page: a step's output can hold any character.
    /// <inheritdoc />
    protected override Encoding StandardErrorEncoding => new UTF8Encoding(false);

    /// <inheritdoc />
    protected override Encoding StandardOutputEncoding => new UTF8Encoding(false);

    /// <summary>Ctrl-C or Visual Studio's Cancel: MSBuild stops the CLI and every process under it, buildx included.</summary>
    public override void Cancel()
    {
        _cancelled = true;
        base.Cancel();
    }

    /// <summary>Gates the image through the CLI; false when an error was logged, a failed gate's included.</summary>
    public override bool Execute()
    {
        _dotnet = DotnetHost.Find(Environment.GetEnvironmentVariable, File.Exists);
        if (_dotnet is null)
        {
            Log.LogWarning(null, NoDotnetCode, null, ProjectFile, 0, 0, 0, 0,
                $"The gates did not run: StageGate runs its CLI with .NET 8 or later, and no dotnet was found (DOTNET_HOST_PATH, DOTNET_ROOT, PATH). Install the .NET 8 runtime or SDK, or gate with `dotnet build`.");
            return true;
        }
        _resultFile = Path.Combine(Path.GetTempPath(), "stagegate-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            base.Execute();
            if (_cancelled)
            {
                Log.LogError(null, CancelledCode, null, ProjectFile, 0, 0, 0, 0, "The build was cancelled; the StageGate CLI and buildx were stopped. Run again to gate the image.");
                return false;
            }
            if (Read() is not { } result)
            {
                var tail = _errorTail.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, _errorTail.Select(line => "  " + line));
                Log.LogError(null, NoResultCode, null, ProjectFile, 0, 0, 0, 0,
                    $"The StageGate CLI ({ToolAssembly}) exited with code {ExitCode} without a result; reinstall StageGate.MSBuild, and check that .NET 8 or later runs it.{tail}");
                return false;
            }
            Report(result);
            return !HasLoggedErrors;
        }
        finally
        {
            TryDelete(_resultFile);
        }
    }

    /// <inheritdoc />
    protected override string? GenerateFullPathToTool() => _dotnet;

    /// <inheritdoc />
    protected override string GenerateCommandLineCommands() =>
        ToolArguments.CommandLine(ToolArguments.For(ToolAssembly, ProjectFile, StampFile, _resultFile, Properties, Items));

    // Detailed verbosity only: the .NET task shows no command line, and a normal log should read the same in both.
    /// <inheritdoc />
    protected override void LogToolCommand(string message) => Log.LogMessage(MessageImportance.Low, message);

    // The result file says what went wrong; MSBuild's "exited with code 1" would only repeat it.
    /// <inheritdoc />
    protected override bool HandleTaskExecutionErrors() => true;

    // Progress as the .NET task logs it. Never MSBuild's own reading of the text: a build step's output that looks like
    // "file(1): error X" must stay a message, as it is in the .NET task; the errors come from the result file.
    /// <inheritdoc />
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.StartsWith(DetailPrefix, StringComparison.Ordinal))
        {
            Log.LogMessage(MessageImportance.Low, singleLine.Substring(DetailPrefix.Length));
            return;
        }
        Log.LogMessage(MessageImportance.Normal, singleLine);
        lock (_errorTail)
        {
            _errorTail.Add(singleLine);
            if (_errorTail.Count > 10)
            {
                _errorTail.RemoveAt(0);
            }
        }
    }

    private ToolResult? Read()
    {
        try
        {
            using var stream = File.OpenRead(_resultFile);
            return new DataContractJsonSerializer(typeof(ToolResult)).ReadObject(stream) as ToolResult;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SerializationException)
        {
            return null;
        }
    }

    private void Report(ToolResult result)
    {
        foreach (var diagnostic in result.Diagnostics ?? [])
        {
            DiagnosticLog.Write(Log, diagnostic.Severity, diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column,
                DiagnosticLog.MessageWithDetails(diagnostic.Message, diagnostic.Details ?? []));
        }
        var outputs = result.MSBuild ?? new ToolOutputs();
        if (!outputs.Skipped)
        {
            // A Dockerfile's own build has nothing to gate: its log stays as it would be without the package.
            Log.LogMessage(result.Quiet ? MessageImportance.Low : MessageImportance.High, result.Summary);
        }
        // The console logger indents a message, and the agent finds a logging command anywhere in a line.
        foreach (var command in result.CiCommands ?? [])
        {
            Log.LogMessage(MessageImportance.High, command);
        }
        (ImageId, Digest, FinalSizeBytes, ReportPath) = (outputs.ImageId, outputs.Digest, outputs.FinalSizeBytes, outputs.ReportPath);
        // Warnings promoted to errors count too: only a clean pass may skip the next run.
        if (outputs.StampWritten && HasLoggedErrors)
        {
            TryDelete(StampFile);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.LogMessage(MessageImportance.Low, $"StageGate: could not delete '{path}' ({e.Message}).");
        }
    }
}
