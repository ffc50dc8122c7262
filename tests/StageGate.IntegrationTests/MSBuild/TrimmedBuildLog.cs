namespace StageGate.IntegrationTests.MSBuild;

/// <summary>
/// A <c>dotnet build -v:n</c> log as the test output shows it: without ResolveAssemblyReference's hundreds of lines per
/// reference and with the csc command line (tens of kilobytes of <c>/reference:</c>) cut short, so a CI log stays
/// readable. Only what the test output shows is trimmed: the assertions read the whole log (<see cref="BuildRun.Output"/>).
/// </summary>
internal sealed class TrimmedBuildLog(Action<string> write)
{
    private const int LongestLine = 400;

    // What ResolveAssemblyReference says about each reference at normal verbosity: never what a StageGate test is about.
    private static readonly string[] ReferenceDetail =
    [
        "Primary reference \"", "Dependency \"", "Resolved file path is \"", "Reference found at search path location \"",
        "This reference is not \"CopyLocal\"", "The ImageRuntimeVersion for this reference is", "Required by \"",
        "Found related file \"", "Unified Dependency \"", "Unified primary reference \"", "Using this version instead of original version",
    ];

    private readonly object _lock = new();
    private int _skipped;

    public void WriteLine(string line)
    {
        lock (_lock)
        {
            var text = line.TrimStart();
            if (ReferenceDetail.Any(start => text.StartsWith(start, StringComparison.Ordinal)))
            {
                _skipped++;
                return;
            }
            if (_skipped > 0)
            {
                write($"         ({_skipped} lines about resolved references left out of the test output)");
                _skipped = 0;
            }
            write(line.Length <= LongestLine ? line : $"{line[..LongestLine]}… ({line.Length - LongestLine} more characters left out of the test output)");
        }
    }
}
