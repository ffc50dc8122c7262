namespace StageGate.IntegrationTests;

/// <summary>The tiny busybox Dockerfiles the front ends' end-to-end tests gate (busybox is seeded locally; nothing is pulled).</summary>
internal static class TestDockerfiles
{
    public const string Passing = """
        FROM busybox AS builder
        RUN echo hi > /app.txt
        FROM builder AS test
        RUN test -f /app.txt
        FROM scratch AS final
        COPY --from=builder /app.txt /
        """;

    /// <summary>Line 4 is the failing test step.</summary>
    public const string FailingTest = """
        FROM busybox AS builder
        RUN echo hi > /app.txt
        FROM builder AS test
        RUN echo "looking for /missing.txt" && test -f /missing.txt
        FROM scratch AS final
        COPY --from=builder /app.txt /
        """;

    /// <summary>The final stage ships all of busybox (about 2MB), far over a 100kB budget.</summary>
    public const string HeavyFinal = """
        FROM busybox AS builder
        RUN echo hi > /app.txt
        FROM builder AS test
        RUN test -f /app.txt
        FROM busybox AS final
        COPY --from=builder /app.txt /
        """;
}
