using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.IntegrationTests.Gates;

/// <summary>A host that keeps what the core gave it and echoes it to the test output, for asserting what a user would see.</summary>
internal sealed class RecordingHost(ITestOutputHelper output) : IGateHost
{
    private readonly List<GateProgress> _progress = [];
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<GateProgress> Progress => Locked(() => _progress.ToList());

    public IReadOnlyList<Diagnostic> Diagnostics => Locked(() => _diagnostics.ToList());

    public void Log(Diagnostic diagnostic)
    {
        Locked(() => _diagnostics.Add(diagnostic));
        output.WriteLine(DiagnosticText.WithDetails(diagnostic));
    }

    void IGateHost.Progress(GateProgress progress)
    {
        Locked(() => _progress.Add(progress));
        output.WriteLine(progress.Message);
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_progress)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (_progress)
        {
            write();
        }
    }
}
