using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using StageGate.Ci;
using StageGate.Files;
using StageGate.Hosting;

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
    internal const string NewerResultCode = "SG2042";

    // A coded error the CLI printed instead of writing its result (an unwritable result file): the one line that says why.
    private static readonly Regex CodedError = new(@"^error (SG\d{4}): (.+)$", RegexOptions.CultureInvariant);

    private readonly List<string> _errorTail = [];
    private readonly List<(string Code, string Message)> _codedErrors = [];
    private string? _crash;
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
            return NoDotnet(Environment.GetEnvironmentVariable);
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
                NoResult();
                return false;
            }
            Report(result, ExitCode);
            return !HasLoggedErrors;
        }
        finally
        {
            FileRemoval.Delete(_resultFile, message => Log.LogMessage(MessageImportance.Low, message));
        }
    }

    /// <summary>
    /// The rule of a missing Docker engine (SG2014): a warning on a developer's machine, an error where the image must be
    /// gated (CI, or StageGateRequireDocker=true), so CI never passes a build whose gates did not run.
    /// </summary>
    internal bool NoDotnet(Func<string, string?> environment)
    {
        const string Message = "The gates did not run: StageGate runs its CLI with .NET 8 or later, and no dotnet was found (DOTNET_HOST_PATH, DOTNET_ROOT, PATH). Install the .NET 8 runtime or SDK, or gate with `dotnet build`.";
        if (CiEnvironment.IsCi(environment) || RequiresDocker())
        {
            Log.LogError(null, NoDotnetCode, null, ProjectFile, 0, 0, 0, 0, Message);
            return false;
        }
        Log.LogWarning(null, NoDotnetCode, null, ProjectFile, 0, 0, 0, 0, Message + " Outside CI this is a warning; set StageGateRequireDocker=true to make it an error.");
        return true;
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
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance) => LogLine(singleLine);

    /// <summary>One line of the CLI's output: logged, and kept when it may say why the CLI gave no result.</summary>
    internal void LogLine(string singleLine)
    {
        if (singleLine.StartsWith(MSBuildProtocol.DetailPrefix, StringComparison.Ordinal))
        {
            Log.LogMessage(MessageImportance.Low, singleLine.Substring(MSBuildProtocol.DetailPrefix.Length));
            return;
        }
        Log.LogMessage(MessageImportance.Normal, singleLine);
        lock (_errorTail)
        {
            if (CodedError.Match(singleLine) is { Success: true } coded)
            {
                _codedErrors.Add((coded.Groups[1].Value, coded.Groups[2].Value));
            }
            // The runtime's own line names the exception; the stack frames after it push it out of the tail.
            if (_crash is null && singleLine.StartsWith("Unhandled exception", StringComparison.Ordinal))
            {
                _crash = singleLine;
            }
            _errorTail.Add(singleLine);
            if (_errorTail.Count > 10)
            {
                _errorTail.RemoveAt(0);
            }
        }
    }

    /// <summary>
    /// The CLI ended without a result. A coded error it printed says why (and what to do) better than anything here;
    /// otherwise it crashed or never started, and the runtime's own line is kept above the last lines.
    /// </summary>
    internal void NoResult()
    {
        // Whether the CLI stamped a pass before it failed is unknown here: a failed build must not be skipped next time.
        FileRemoval.Delete(StampFile, message => Log.LogMessage(MessageImportance.Low, message));
        lock (_errorTail)
        {
            if (_codedErrors.Count > 0)
            {
                foreach (var (code, message) in _codedErrors)
                {
                    Log.LogError(null, code, null, ProjectFile, 0, 0, 0, 0, message);
                }
                return;
            }
            var lines = (_crash is null || _errorTail.Contains(_crash) ? _errorTail : [_crash, "…", .. _errorTail]).Select(line => "  " + line);
            var tail = _errorTail.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, lines);
            Log.LogError(null, NoResultCode, null, ProjectFile, 0, 0, 0, 0,
                $"The StageGate CLI ({ToolAssembly}) exited with code {ExitCode} without a result; reinstall StageGate.MSBuild, and check that .NET 8 or later runs it.{tail}");
        }
    }

    private bool RequiresDocker() =>
        Properties.Any(p => string.Equals(p.ItemSpec, "StageGateRequireDocker", StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.GetMetadata("Value").Trim(), "true", StringComparison.OrdinalIgnoreCase));

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

    /// <summary>Logs the CLI's result; <paramref name="exitCode"/> is the CLI's, which must agree with the errors logged.</summary>
    internal void Report(ToolResult result, int exitCode)
    {
        if (result.SchemaVersion > ToolResult.KnownSchemaVersion)
        {
            // Read as if it were known, a newer shape could pass a build whose gates failed; the stamp is not trusted either.
            Log.LogError(null, NewerResultCode, null, ProjectFile, 0, 0, 0, 0,
                $"The StageGate CLI ({ToolAssembly}) wrote a result of schema version {result.SchemaVersion}; this task reads version {ToolResult.KnownSchemaVersion} or older. The package's task and CLI come from different versions: reinstall StageGate.MSBuild.");
            FileRemoval.Delete(StampFile, message => Log.LogMessage(MessageImportance.Low, message));
            return;
        }
        foreach (var diagnostic in (result.Diagnostics ?? []).Where(d => d is not null))
        {
            DiagnosticLog.Write(Log, diagnostic.Severity ?? "error", diagnostic.Code ?? NoResultCode, diagnostic.File, diagnostic.Line, diagnostic.Column,
                DiagnosticLog.MessageWithDetails(diagnostic.Message ?? "", (diagnostic.Details ?? []).Where(d => d is not null).ToList()));
        }
        var outputs = result.MSBuild ?? new ToolOutputs();
        if (!outputs.Skipped)
        {
            RunLog.Summary(Log, result.Summary, result.Quiet, (result.CiCommands ?? []).Where(c => c is not null));
        }
        (ImageId, Digest, FinalSizeBytes, ReportPath) = (outputs.ImageId, outputs.Digest, outputs.FinalSizeBytes, outputs.ReportPath);
        // The verdict is the CLI's exit code, not only the words: a failure the result does not spell out still fails.
        var failedCode = exitCode != 0 ? exitCode : result.ExitCode is { } code and not 0 ? code : result.Passed == false ? 1 : 0;
        if (failedCode != 0 && !HasLoggedErrors)
        {
            Log.LogError(null, NoResultCode, null, ProjectFile, 0, 0, 0, 0,
                $"The StageGate CLI ({ToolAssembly}) exited with code {failedCode} but its result names no error; the build fails rather than pass ungated. Reinstall StageGate.MSBuild if this repeats.");
        }
        RunLog.KeepStampOnlyAfterCleanPass(Log, outputs.StampWritten || failedCode != 0, StampFile);
    }
}
