using StageGate.Gates;
using StageGate.Hosting;
using StageGate.Tool.Commands;

namespace StageGate.Tests.Cli;

public sealed class MSBuildCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-msbuild-command-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_result_that_cannot_be_written_is_one_coded_line_and_exit_code_2_and_the_stamp_this_run_wrote_is_removed()
    {
        var stamp = Path.Combine(_folder, "passed.stamp");
        await File.WriteAllTextAsync(stamp, "fingerprint\n");
        // A file where a folder should be: the result's path cannot be created, as on a bad or unwritable TEMP.
        var notAFolder = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(notAFolder, "");
        var passed = new HostedRun<GateResult>(null, [], ExitCodes.Passed, "StageGate: passed");
        using var error = new StringWriter();

        var exitCode = await MSBuildCommand.WriteResultAsync(
            new IncrementalRun(passed, new PassedStamp("fingerprint", "sha256:1", null, "1", null), StampWritten: true),
            Path.Combine(notAFolder, "result.json"), stamp, error);

        Assert.Equal(ExitCodes.InputOrEnvironmentError, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error SG2011: The gates' result for the MSBuild task could not be written", line, StringComparison.Ordinal);
        Assert.False(File.Exists(stamp));
    }
}
