namespace StageGate.Diagnostics;

/// <summary>
/// Input or environment that StageGate cannot work with. It always carries a coded diagnostic, so
/// every host shows the code and the remedy, never a stack trace.
/// </summary>
public sealed class StageGateException : Exception
{
    public StageGateException(Diagnostic diagnostic)
        : base(diagnostic.Message) => Diagnostic = diagnostic;

    public StageGateException(Diagnostic diagnostic, Exception inner)
        : base(diagnostic.Message, inner) => Diagnostic = diagnostic;

    public Diagnostic Diagnostic { get; }

    public string Code => Diagnostic.Code;
}
