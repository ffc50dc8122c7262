using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tool.Commands;

/// <summary>
/// The host of <c>stagegate msbuild</c>: diagnostics kept for the result file, progress streamed on stderr for the
/// task to log as it comes, each line of a detail (verbose-only) message marked with <see cref="MSBuildProtocol.DetailPrefix"/>.
/// </summary>
internal sealed class MSBuildToolHost(TextWriter error, CiSystem? ci) : IGateHost
{
    private readonly List<Diagnostic> _logged = [];
    private readonly object _lock = new();

    /// <summary>Every diagnostic so far, as MSBuild should show it.</summary>
    public IReadOnlyList<Diagnostic> Logged
    {
        get
        {
            lock (_lock)
            {
                return [.. _logged];
            }
        }
    }

    public void Log(Diagnostic diagnostic)
    {
        lock (_lock)
        {
            _logged.Add(ci is null ? diagnostic : ci.DefuseForMSBuild(diagnostic));
        }
    }

    public void Progress(GateProgress progress)
    {
        var text = progress.Message.ReplaceLineEndings("\n");
        var prefix = progress.Level == GateProgressLevel.Detail ? MSBuildProtocol.DetailPrefix : "";
        lock (_lock)
        {
            foreach (var line in (ci is null ? text : ci.Defuse(text)).Split('\n'))
            {
                error.WriteLine(prefix + line);
            }
        }
    }
}
