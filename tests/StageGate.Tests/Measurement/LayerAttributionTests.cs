using StageGate.Dockerfiles;
using StageGate.Engine;
using StageGate.Measurement;

namespace StageGate.Tests.Measurement;

/// <summary>Each layer of the final image is paired with the Dockerfile line that made it; the base image's are not.</summary>
public sealed class LayerAttributionTests
{
    private const string Final = """
        FROM busybox AS final
        ARG VERSION=1
        ENV GREETING=hi
        WORKDIR /app
        RUN echo $VERSION > v.txt
        COPY app /app/
        CMD ["sh"]
        """;

    // busybox as Docker Hub ships it: built by the classic builder.
    private static readonly string[] BusyboxHistory =
    [
        "/bin/sh -c #(nop)  CMD [\"sh\"]",
        "/bin/sh -c #(nop) ADD file:4c0d2a8e6d1f in / ",
    ];

    // Sizes are the entries' positions, newest first, so a test can tell which entry a layer came from.
    private static IReadOnlyList<ImageLayer> History(params string[] createdByNewestFirst) =>
        createdByNewestFirst.Concat(BusyboxHistory)
            .Select((createdBy, i) => new ImageLayer($"sha256:{i}", DateTimeOffset.UnixEpoch, createdBy, createdBy.Contains("ADD file", StringComparison.Ordinal) ? 1_900_000 : i, "", []))
            .ToList();

    private static IReadOnlyList<int?> Lines(string dockerfileText, IReadOnlyList<ImageLayer> history)
    {
        var dockerfile = Dockerfile.Parse(dockerfileText);
        return LayerAttribution.Attribute(dockerfile, dockerfile.DefaultTarget, history).Select(l => l.Line).ToList();
    }

    [Fact]
    public void BuildKit_history_is_paired_with_every_instruction_line_ARG_ENV_and_WORKDIR_included()
    {
        var history = History(
            "CMD [\"sh\"]",
            "COPY app /app/ # buildkit",
            "RUN |1 VERSION=1 /bin/sh -c echo $VERSION > v.txt # buildkit",
            "WORKDIR /app",
            "ENV GREETING=hi",
            "ARG VERSION=1");

        Assert.Equal([null, null, 2, 3, 4, 5, 6, 7], Lines(Final, history));
    }

    [Fact]
    public void A_history_without_ARG_entries_still_pairs_the_other_instructions()
    {
        var history = History(
            "CMD [\"sh\"]",
            "COPY app /app/ # buildkit",
            "RUN |1 VERSION=1 /bin/sh -c echo $VERSION > v.txt # buildkit",
            "WORKDIR /app",
            "ENV GREETING=hi");

        Assert.Equal([null, null, 3, 4, 5, 6, 7], Lines(Final, history));
    }

    [Fact]
    public void Classic_builder_nop_entries_are_paired_too()
    {
        var history = History(
            "/bin/sh -c #(nop)  CMD [\"sh\"]",
            "/bin/sh -c #(nop) COPY dir:0f3a in /app/ ",
            "|1 VERSION=1 /bin/sh -c echo $VERSION > v.txt",
            "/bin/sh -c #(nop) WORKDIR /app",
            "/bin/sh -c #(nop)  ENV GREETING=hi",
            "/bin/sh -c #(nop)  ARG VERSION=1");

        Assert.Equal([null, null, 2, 3, 4, 5, 6, 7], Lines(Final, history));
    }

    [Fact]
    public void Base_image_layers_stay_unattributed_even_when_their_keyword_matches()
    {
        // busybox's own CMD comes right before the stage's first entry; it must not take line 2's place.
        const string cmdOnly = """
            FROM busybox
            CMD ["sh"]
            """;

        Assert.Equal([null, null, 2], Lines(cmdOnly, History("CMD [\"sh\"]")));
    }

    [Fact]
    public void Instructions_of_the_stage_the_final_stage_builds_on_are_paired_with_their_lines()
    {
        const string chained = """
            FROM busybox AS base
            ENV A=1
            RUN echo base > /base.txt

            FROM base AS final
            COPY app /app/
            """;

        var history = History(
            "COPY app /app/ # buildkit",
            "RUN /bin/sh -c echo base > /base.txt # buildkit",
            "ENV A=1");

        Assert.Equal([null, null, 2, 3, 6], Lines(chained, history));
    }

    [Fact]
    public void A_layer_keeps_its_size_and_reads_as_the_instruction_was_written()
    {
        var dockerfile = Dockerfile.Parse(Final);
        var history = History(
            "CMD [\"sh\"]",
            "COPY app /app/ # buildkit",
            "RUN |1 VERSION=1 /bin/sh -c echo $VERSION > v.txt # buildkit",
            "WORKDIR /app",
            "ENV GREETING=hi",
            "ARG VERSION=1");

        var run = LayerAttribution.Attribute(dockerfile, dockerfile.DefaultTarget, history).Single(l => l.Line == 5);

        Assert.Equal(new LayerResultText(2, "RUN echo $VERSION > v.txt"), new LayerResultText(run.SizeBytes, run.CreatedBy));
    }

    [Theory]
    [InlineData("RUN /bin/sh -c make # buildkit", "RUN make")]
    [InlineData("RUN |2 A=1 B=2 /bin/sh -c make test # buildkit", "RUN make test")]
    [InlineData("COPY /src/out.txt /app/out.txt # buildkit", "COPY /src/out.txt /app/out.txt")]
    [InlineData("/bin/sh -c #(nop)  ENV A=1", "ENV A=1")]
    [InlineData("/bin/sh -c #(nop) WORKDIR /app", "WORKDIR /app")]
    [InlineData("", "")]
    public void Cleaning_drops_buildkits_suffix_and_the_shell_prefix(string createdBy, string expected)
    {
        Assert.Equal(expected, LayerAttribution.Clean(createdBy));
    }

    [Theory]
    [InlineData("RUN /bin/sh -c make # buildkit", "RUN")]
    [InlineData("/bin/sh -c make", "RUN")]
    [InlineData("|1 V=1 /bin/sh -c make", "RUN")]
    [InlineData("/bin/sh -c #(nop)  ENV A=1", "ENV")]
    [InlineData("EXPOSE map[80/tcp:{}]", "EXPOSE")]
    [InlineData("", "")]
    public void The_keyword_is_read_from_both_history_forms(string createdBy, string keyword)
    {
        Assert.Equal(keyword, LayerAttribution.KeywordOf(createdBy));
    }

    private sealed record LayerResultText(long SizeBytes, string CreatedBy);
}
