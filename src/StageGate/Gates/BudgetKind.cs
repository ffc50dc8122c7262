namespace StageGate.Gates;

/// <summary>Which kind of size budget a <see cref="BudgetResult"/> is about.</summary>
public enum BudgetKind
{
    /// <summary>An absolute maximum size of the final image, e.g. <c>150MB</c>.</summary>
    Size,

    /// <summary>A maximum growth of the final image over a baseline report's size, e.g. <c>5%</c> or <c>10MB</c>.</summary>
    Growth,
}
