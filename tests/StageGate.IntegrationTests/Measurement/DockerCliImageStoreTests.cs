using StageGate.Engine;
using StageGate.Measurement;

namespace StageGate.IntegrationTests.Measurement;

/// <summary>
/// The docker CLI route that measures images where the Engine client cannot speak the endpoint (ssh://)
/// reads the same numbers as the Engine API.
/// </summary>
public sealed class DockerCliImageStoreTests(ITestOutputHelper output)
{
    private const string Busybox = "busybox:latest";

    [Fact]
    public async Task The_cli_route_reads_the_same_size_and_history_as_the_engine_api()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var cli = new DockerCliImageStore("docker");
        using var engine = new EngineImageStore(DockerEndpoint.Resolve());

        var viaCli = await cli.InspectAsync(Busybox, CancellationToken.None);
        var viaEngine = await engine.InspectAsync(Busybox, CancellationToken.None);
        var historyViaCli = await cli.HistoryAsync(Busybox, CancellationToken.None);
        var historyViaEngine = await engine.HistoryAsync(Busybox, CancellationToken.None);

        Assert.NotNull(viaCli);
        Assert.NotNull(viaEngine);
        Assert.Equal(viaEngine.Id, viaCli.Id);
        Assert.Equal(viaEngine.Size, viaCli.Size);
        Assert.Equal(historyViaEngine.Select(l => l.Size), historyViaCli.Select(l => l.Size));
    }

    [Fact]
    public async Task The_cli_route_reports_a_missing_image_as_absent_not_as_an_error()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        using var cli = new DockerCliImageStore("docker");

        Assert.Null(await cli.InspectAsync("stagegate-it/does-not-exist:never", CancellationToken.None));
    }
}
