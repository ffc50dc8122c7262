namespace StageGate.Buildx;

/// <summary>
/// One step of a build as BuildKit reported it: which target and stage it belongs to, its position in the stage
/// (<c>2/4</c>), the instruction, whether it came from the cache, how long it ran, its error and its last output.
/// Internal operations (loading the Dockerfile, exporting the image) are steps without a step number.
/// </summary>
internal sealed record BuildStep
{
    /// <summary>BuildKit's vertex digest; the same digest is one step, even when several bake targets share it.</summary>
    public required string Digest { get; init; }

    /// <summary>The step's number in this build's log (<c>#5</c>), in the order steps first appeared.</summary>
    public required int Number { get; init; }

    /// <summary>The name as buildx printed it first, e.g. <c>[test builder 2/2] RUN make</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The bake target the step was first seen under; null in a plain build.</summary>
    public string? Target { get; init; }

    /// <summary>Every bake target the step was seen under; bake solves a shared stage once for all of them.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>The platform, when several are built (<c>linux/arm64</c>).</summary>
    public string? Platform { get; init; }

    /// <summary>The Dockerfile stage (<c>builder</c>, or <c>stage-2</c> for an unnamed stage); null for internal steps and a lone unnamed stage.</summary>
    public string? Stage { get; init; }

    /// <summary>The step's position in its stage, from 1; the stage's <c>FROM</c> is step 1. Null for internal steps.</summary>
    public int? StepNumber { get; init; }

    /// <summary>How many steps the stage has.</summary>
    public int? StepCount { get; init; }

    /// <summary>The instruction as BuildKit shows it, e.g. <c>RUN make test</c>, or what an internal step does.</summary>
    public required string Instruction { get; init; }

    public bool Cached { get; init; }

    public DateTimeOffset? Started { get; init; }

    /// <summary>When the step last finished; null while it runs.</summary>
    public DateTimeOffset? Completed { get; init; }

    /// <summary>Time spent running, summed over the times BuildKit ran it (overlaps counted once).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// Why the step failed, in plain words where BuildKit's wording only repeats the instruction
    /// (<c>the command exited with code 3</c>); other errors as BuildKit wrote them.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>Whose fault the error is (<see cref="StepError.Classify"/>); null when the step has no error.</summary>
    public StepFailureKind? FailureKind { get; init; }

    /// <summary>The last lines of the step's output, stdout and stderr in the order they arrived.</summary>
    public IReadOnlyList<BuildLogLine> LogTail { get; init; } = [];

    public bool IsInternal => StepNumber is null;

    /// <summary>
    /// The step as a user reads it, e.g. <c>[test 2/3] RUN make test</c>: the stage (or, for a lone unnamed stage,
    /// the bake target) named once, where buildx writes a bake's target before the stage (<c>[test test 2/3]</c>).
    /// Internal steps keep buildx's name.
    /// </summary>
    public string DisplayName => IsInternal
        ? Name
        : $"[{string.Join(' ', new[] { Platform, Stage ?? Target, $"{StepNumber}/{StepCount}" }.Where(w => w is not null))}] {Instruction}";

    public bool IsCompleted => Completed is not null;

    /// <summary>The step stopped because the build was cancelled (another target failed, or Ctrl+C), not because it broke.</summary>
    /// <remarks>BuildKit's rawjson carries only Go's error text for a vertex, so the text is the only signal here.</remarks>
    public bool Cancelled => Error is { } error
        && (error is "context canceled" or "canceled" || error.EndsWith(": context canceled", StringComparison.Ordinal));

    /// <summary>The step failed on its own account.</summary>
    public bool Failed => Error is not null && !Cancelled;

    /// <summary>The step failed for a reason of its stage's own: the stage failed, a gate's verdict.</summary>
    public bool FailedInStage => Failed && !IsInternal && FailureKind != StepFailureKind.Environment;

    /// <summary>The step failed for a reason outside the Dockerfile: no verdict.</summary>
    public bool FailedInEnvironment => Failed && !FailedInStage;
}
