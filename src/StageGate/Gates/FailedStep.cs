namespace StageGate.Gates;

/// <summary>A build step that failed, mapped back to its Dockerfile instruction.</summary>
public sealed record FailedStep(
    string Target,
    string Stage,
    int Step,
    string Instruction,
    int? Line,
    string Error,
    IReadOnlyList<string> Output)
{
    /// <summary>The step as BuildKit counts it within its stage, e.g. <c>2/3</c>.</summary>
    public string StepText { get; init; } = Step.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
