using System.CommandLine;
using System.Text;
using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Files;
using StageGate.Hosting;
using StageGate.Reports;

namespace StageGate.Tool.Commands;

/// <summary>
/// <c>stagegate msbuild</c>: the check of StageGate.MSBuild's task for an MSBuild that cannot load the .NET task
/// (Visual Studio's, on .NET Framework). The task passes the project's StageGate properties and items as they are, so
/// the option table maps them here exactly as in the .NET task; the result goes to a JSON file (<see cref="RunJson"/>),
/// progress to stderr. Hidden: it is the package's protocol, not a command for people.
/// </summary>
internal static class MSBuildCommand
{
    public static Command Create()
    {
        var project = new Option<string>("--project") { Description = "The project file.", Required = true };
        var stamp = new Option<string>("--stamp") { Description = "The passed stamp of the incremental skip.", Required = true };
        var result = new Option<string>("--result") { Description = "Where to write the run as JSON.", Required = true };
        var properties = new Option<string[]>("--property") { Description = "A StageGate property, Name=Value. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var items = new Option<string[]>("--item") { Description = "A StageGate item, Type=Include;Metadata=Value, URI-escaped. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("msbuild", "Run the gates for StageGate.MSBuild's task in an MSBuild that cannot load it.")
        {
            project, stamp, result, properties, items,
        };
        command.Hidden = true;

        command.SetAction(async (parse, cancellationToken) =>
        {
            // UTF-8 whatever the console's code page, as the task reads it: a step's output can hold any character.
            await using var error = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
            var host = new MSBuildToolHost(error, CiSystem.Detect("auto", Environment.GetEnvironmentVariable));
            var projectFile = Path.GetFullPath(parse.GetValue(project)!);
            IncrementalRun check;
            try
            {
                var values = MSBuildValues.FromArguments(projectFile, parse.GetValue(properties) ?? [], parse.GetValue(items) ?? []);
                check = await IncrementalGate.CheckAsync(values, Path.GetFullPath(parse.GetValue(stamp)!), host, cancellationToken);
            }
            catch (StageGateException e)
            {
                host.Log(e.Diagnostic);
                check = new IncrementalRun(new HostedRun<Gates.GateResult>(null, [e.Diagnostic], ExitCodes.For([e.Diagnostic]), "StageGate: did not run"), null, StampWritten: false);
            }
            // The diagnostics as the task logs them: defused for the CI system, like the .NET task's.
            var logged = check with { Run = check.Run is { } run ? run with { Diagnostics = host.Logged } : null };
            return await WriteResultAsync(logged, parse.GetValue(result)!, Path.GetFullPath(parse.GetValue(stamp)!), error);
        });
        return command;
    }

    /// <summary>
    /// Writes the result file and returns the run's exit code. A result that cannot be written (full disk, unwritable
    /// temp folder, bad path) is one coded line on stderr, which the task shows as the error, and exit code 2; the stamp
    /// this run wrote goes, since a build whose task failed must not be skipped next time.
    /// </summary>
    internal static async Task<int> WriteResultAsync(IncrementalRun check, string resultFile, string stampFile, TextWriter error)
    {
        try
        {
            await AtomicFile.WriteAllTextAsync(Path.GetFullPath(resultFile), RunJson.Write(check), CancellationToken.None);
            return check.Run?.ExitCode ?? ExitCodes.Passed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (check.StampWritten)
            {
                PassedStamp.Delete(stampFile, note => error.WriteLine(MSBuildProtocol.DetailPrefix + note));
            }
            var diagnostic = Codes.TemporaryFileNotWritten.Create(
                $"The gates' result for the MSBuild task could not be written to '{resultFile}': {e.Message.TrimEnd('.')}. The build fails, and the next one runs the gates again.");
            error.WriteLine(diagnostic.ToString());
            return ExitCodes.InputOrEnvironmentError;
        }
    }
}
