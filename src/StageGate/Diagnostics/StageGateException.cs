namespace StageGate.Diagnostics;

/// <summary>
/// Input or environment that StageGate cannot work with. It always carries a coded diagnostic, so
/// every host shows the code and the remedy, never a stack trace.
/// </summary>
public sealed class StageGateException : Exception
{
    /// <summary>An exception whose message is the diagnostic's.</summary>
    public StageGateException(Diagnostic diagnostic)
        : base(diagnostic.Message) => Diagnostic = diagnostic;

    /// <summary>An exception whose message is the diagnostic's, caused by <paramref name="inner"/>.</summary>
    public StageGateException(Diagnostic diagnostic, Exception inner)
        : base(diagnostic.Message, inner) => Diagnostic = diagnostic;

    /// <summary>What went wrong, with its code, message and place.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>The diagnostic's code, e.g. <c>SG2003</c>.</summary>
    public string Code => Diagnostic.Code;
}
