namespace StageGate.Gates;

/// <summary>An image's measured size and layers, and its budget's verdict when one was given.</summary>
/// <param name="Image">The image as measured.</param>
/// <param name="Budget">The failed verdict when one failed, else the first; null without a budget.</param>
public sealed record MeasureResult(FinalImageResult Image, BudgetResult? Budget)
{
    /// <summary>Every budget's verdict: the size budget's, and the compressed budget's for each platform.</summary>
    public IReadOnlyList<BudgetResult> Budgets { get; init; } = [];

    /// <summary>What the measurement found, each diagnostic once.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True unless the image broke its budget.</summary>
    public bool Passed => (Budget is null || Budget.Outcome != GateOutcome.Failed) && !Budgets.Any(b => b.Failed);
}
