using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Tests.Reports;

/// <summary>Results as the pipeline produces them, for the renderers to turn into text.</summary>
internal static class SampleResults
{
    public const string Root = "/work/repo";
    public const string Dockerfile = "/work/repo/app/Dockerfile";

    public static IReadOnlyList<string> MakeOutput { get; } =
        Enumerable.Range(1, 12).Select(i => $"ok {i} - case {i}").Append("FAIL: TestParse (0.00s)").Append("make: *** [test] Error 1").ToList();

    public static FailedStep IntegrationFailure { get; } = new(
        "integration", "integration", 3, "RUN make test", 14,
        "process \"/bin/sh -c make test\" did not complete successfully: exit code: 2", MakeOutput);

    public static IReadOnlyList<LayerResult> Layers { get; } =
    [
        new(5_000_000, "ADD alpine-minirootfs.tar.gz / # buildkit", null),
        new(0, "WORKDIR /app", 10),
        new(700_000, "COPY --from=build /out/app /app # buildkit", 12),
        new(63_000, "RUN apk add --no-cache libstdc++", 11),
        new(1_200, "COPY config.toml /etc/app/ # buildkit", 13),
        new(800, "COPY LICENSE /app/ # buildkit", 14),
        new(100, "RUN adduser -D app", 15),
    ];

    /// <summary>Tests pass, the final image is measured and within its budget.</summary>
    public static GateResult Passing() => new()
    {
        Dockerfile = Dockerfile,
        Context = "/work/repo/app",
        TestStages = [new TestStageResult("test", GateOutcome.Passed, TimeSpan.FromSeconds(12.3))],
        FinalImage = new FinalImageResult
        {
            Target = "runtime",
            Outcome = GateOutcome.Passed,
            ImageId = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            Digest = "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
            Tags = ["app:ci"],
            SizeBytes = 763_412,
            Layers = Layers,
            BuilderStage = "build",
            BuilderSizeBytes = 452_000_000,
        },
        Budgets = [new BudgetResult(BudgetKind.Size, GateOutcome.Passed, "1MB") { MeasuredBytes = 763_412, LimitBytes = 1_000_000 }],
        Diagnostics = [Codes.TestStageSkippedByBuildKit.Create("The final stage does not depend on test stage 'test'.")],
        Steps =
        [
            new StepTiming("test", "[test 2/3] RUN make test", false, TimeSpan.FromSeconds(11.2)),
            new StepTiming("runtime", "[runtime 3/5] COPY --from=build /out/app /app", true, TimeSpan.Zero),
        ],
        Duration = TimeSpan.FromSeconds(42.125),
    };

    /// <summary>One test stage passes, one fails; the final image is not built.</summary>
    public static GateResult TestFailure() => Passing() with
    {
        TestStages =
        [
            new TestStageResult("test", GateOutcome.Passed, TimeSpan.FromSeconds(12.3)),
            new TestStageResult("integration", GateOutcome.Failed, TimeSpan.FromSeconds(3.1), IntegrationFailure),
        ],
        FinalImage = new FinalImageResult { Target = "runtime", Outcome = GateOutcome.NotRun },
        Budgets = [new BudgetResult(BudgetKind.Size, GateOutcome.NotRun, "1MB") { LimitBytes = 1_000_000, Reason = "the final stage was not built" }],
        Diagnostics =
        [
            Codes.TestStepFailed.Create("Test stage 'integration' failed at RUN make test: exit code 2.", Dockerfile, 14) with { Details = MakeOutput.TakeLast(10).ToList() },
        ],
    };

    /// <summary>400 bytes over a 150MB budget: both sizes round to 150MB.</summary>
    public static GateResult OverBudgetHiddenByRounding() => Passing() with
    {
        FinalImage = Passing().FinalImage! with { SizeBytes = 150_000_400, BuilderSizeBytes = null },
        Budgets = [new BudgetResult(BudgetKind.Size, GateOutcome.Failed, "150MB") { MeasuredBytes = 150_000_400, LimitBytes = 150_000_000 }],
        Diagnostics = [Codes.OverBudget.Create("Final image runtime is 150MB, over its 150MB budget.", Dockerfile)],
    };

    /// <summary>The image was built but the daemon would not say how big it is.</summary>
    public static GateResult CouldNotMeasure() => Passing() with
    {
        FinalImage = Passing().FinalImage! with { Outcome = GateOutcome.CouldNotMeasure, SizeBytes = null, Layers = [], BuilderSizeBytes = null },
        Budgets =
        [
            new BudgetResult(BudgetKind.Size, GateOutcome.CouldNotMeasure, "1MB") { LimitBytes = 1_000_000, Reason = "the daemon did not answer the image inspect" },
            new BudgetResult(BudgetKind.Growth, GateOutcome.CouldNotMeasure, "5%") { BaselineBytes = 700_000, Reason = "the daemon did not answer the image inspect" },
        ],
        Diagnostics = [Codes.CouldNotMeasure.Create("Could not measure image runtime: the daemon did not answer the image inspect.")],
    };
}
