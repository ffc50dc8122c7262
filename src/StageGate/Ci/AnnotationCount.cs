using StageGate.Diagnostics;

namespace StageGate.Ci;

/// <summary>How many errors and warnings a run has annotated so far, for CI systems that show only so many.</summary>
internal sealed class AnnotationCount
{
    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            Errors++;
        }
        else if (diagnostic.Severity == DiagnosticSeverity.Warning)
        {
            Warnings++;
        }
    }
}
