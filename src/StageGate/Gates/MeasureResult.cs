namespace StageGate.Gates;

/// <summary>An image's measured size and layers, and its budget's verdict when one was given.</summary>
public sealed record MeasureResult(FinalImageResult Image, BudgetResult? Budget)
{
    /// <summary>What the measurement found, each diagnostic once.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True unless the image broke its budget.</summary>
    public bool Passed => Budget is null || Budget.Outcome != GateOutcome.Failed;
}
