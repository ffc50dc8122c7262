using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using StageGate.Engine;
using StageGate.Gates;
using StageGate.Measurement;

namespace StageGate.Tests.Measurement;

/// <summary>Measuring reads the final and builder images; an image that cannot be read is "could not measure", never a failure.</summary>
public sealed class ImageMeasurerTests
{
    private const string Text = """
        FROM busybox AS builder
        RUN make

        FROM busybox AS final
        COPY --from=builder /app /app
        """;

    private static readonly Dockerfile Parsed = Dockerfile.Parse(Text);

    private static ImageDetails Image(string id, long size) =>
        new(id, [$"stagegate/app:{id}"], [], size, null, "linux", "amd64", []);

    private static Task<(FinalImageResult Image, MeasurementProblem? Problem)> Measure(FakeStore store, string? builderTag = "stagegate/app:builder") =>
        ImageMeasurer.MeasureAsync(store, "stagegate/app:final", Parsed, Parsed.Stages[1], builderTag, "builder", CancellationToken.None);

    [Fact]
    public async Task The_final_image_size_id_tags_and_attributed_layers_are_read()
    {
        var store = new FakeStore
        {
            ["stagegate/app:final"] = Image("final", 2_000_100),
            History = [new ImageLayer("sha256:b", default, "COPY /app /app # buildkit", 100, "", []), new ImageLayer("sha256:a", default, "", 2_000_000, "", [])],
        };

        var (image, problem) = await Measure(store);

        Assert.Null(problem);
        Assert.Equal((GateOutcome.Passed, "final", 2_000_100L), (image.Outcome, image.ImageId, image.SizeBytes!.Value));
        Assert.Equal([null, 5], image.Layers.Select(l => l.Line));
    }

    [Fact]
    public async Task The_builder_image_size_is_read_for_the_savings_line()
    {
        var store = new FakeStore
        {
            ["stagegate/app:final"] = Image("final", 2_000_100),
            ["stagegate/app:builder"] = Image("builder", 90_000_000),
        };

        var (image, _) = await Measure(store);

        Assert.Equal(("builder", 90_000_000L), (image.BuilderStage, image.BuilderSizeBytes!.Value));
    }

    [Fact]
    public async Task A_builder_image_that_is_missing_leaves_the_savings_out()
    {
        var (image, problem) = await Measure(new FakeStore { ["stagegate/app:final"] = Image("final", 2_000_100) });

        Assert.Null(problem);
        Assert.Null(image.BuilderStage);
        Assert.Null(image.BuilderSizeBytes);
    }

    [Fact]
    public async Task A_final_image_that_is_not_there_could_not_be_measured_and_warns_with_SG4003()
    {
        var (image, problem) = await Measure(new FakeStore());

        Assert.Equal(GateOutcome.CouldNotMeasure, image.Outcome);
        Assert.Null(image.SizeBytes);
        Assert.Equal(("SG4003", DiagnosticSeverity.Warning), (problem?.Diagnostic.Code, problem?.Diagnostic.Severity ?? DiagnosticSeverity.Info));
        Assert.True(problem?.ImageMissing);
    }

    [Fact]
    public async Task A_daemon_error_while_measuring_could_not_be_measured_rather_than_failing_the_run()
    {
        var store = new FakeStore { Failure = Codes.EngineRequestFailed.Exception("The daemon answered 500.") };

        var (image, problem) = await Measure(store);

        Assert.Equal(GateOutcome.CouldNotMeasure, image.Outcome);
        Assert.Contains("The daemon answered 500.", problem?.Diagnostic.Message, StringComparison.Ordinal);
        Assert.False(problem?.ImageMissing);
    }

    [Fact]
    public async Task Cancellation_while_measuring_is_not_swallowed()
    {
        var store = new FakeStore { Failure = Codes.Cancelled.Exception("Cancelled.") };

        await Assert.ThrowsAsync<StageGateException>(() => Measure(store));
    }

    private sealed class FakeStore : IImageStore
    {
        private readonly Dictionary<string, ImageDetails> _images = new(StringComparer.Ordinal);

        public ImageDetails this[string tag]
        {
            set => _images[tag] = value;
        }

        public IReadOnlyList<ImageLayer> History { get; init; } = [];

        public StageGateException? Failure { get; init; }

        public Task<ImageDetails?> InspectAsync(string image, CancellationToken cancellationToken) =>
            Failure is not null ? Task.FromException<ImageDetails?>(Failure) : Task.FromResult(_images.GetValueOrDefault(image));

        public Task<IReadOnlyList<ImageLayer>> HistoryAsync(string image, CancellationToken cancellationToken) =>
            Task.FromResult(History);

        public void Dispose()
        {
        }
    }
}
