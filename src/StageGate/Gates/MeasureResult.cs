namespace StageGate.Gates;

/// <summary>An image's measured size and layers, and its budget's verdict when one was given.</summary>
public sealed record MeasureResult(FinalImageResult Image, BudgetResult? Budget)
{
    public bool Passed => Budget is null || Budget.Outcome != GateOutcome.Failed;
}
