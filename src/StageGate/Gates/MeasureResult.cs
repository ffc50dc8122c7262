namespace StageGate.Gates;

/// <summary>An image's measured size and layers, and its budget's verdict when one was given.</summary>
public sealed record MeasureResult(FinalImageResult Image, BudgetResult? Budget)
{
    /// <summary>True when no budget was given or the image is within it; an image that could not be measured does not fail.</summary>
    public bool Passed => Budget is null || Budget.Outcome != GateOutcome.Failed;
}
