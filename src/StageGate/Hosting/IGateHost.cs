using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Hosting;

/// <summary>
/// The little a front end does for the core: show a diagnostic (each exactly once, already placed and worded)
/// and show progress while the gates run. Which front end it is travels with its <see cref="OptionValues"/>.
/// </summary>
internal interface IGateHost
{
    void Log(Diagnostic diagnostic);

    void Progress(GateProgress progress);
}
