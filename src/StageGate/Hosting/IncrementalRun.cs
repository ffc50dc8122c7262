using StageGate.Gates;

namespace StageGate.Hosting;

/// <summary>
/// How an MSBuild check ended: the run (null when it was skipped), the outputs for later targets (the last passing
/// run's when skipped; null when there was no verdict), and whether this run wrote the passed stamp.
/// </summary>
internal sealed record IncrementalRun(HostedRun<GateResult>? Run, PassedStamp? Outputs, bool StampWritten)
{
    public bool Skipped => Run is null;
}
