namespace StageGate.Tests.Gates;

/// <summary>Dockerfiles the plan-level tests share: a builder, a test stage on it, and a final stage copying from it.</summary>
internal static class PlanDockerfiles
{
    public const string TestAndFinal = """
        FROM busybox AS builder
        RUN echo hello > /out.txt
        FROM builder AS test
        RUN test -f /out.txt
        FROM busybox AS final
        COPY --from=builder /out.txt /out.txt
        """;
}
