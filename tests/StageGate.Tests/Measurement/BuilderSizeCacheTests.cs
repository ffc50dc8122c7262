using StageGate.Gates;
using StageGate.Measurement;
using StageGate.Tests.Context;

namespace StageGate.Tests.Measurement;

/// <summary>The builder's size is measured once per change of the inputs, not on every run.</summary>
public sealed class BuilderSizeCacheTests : IDisposable
{
    private readonly TempContext _context = new();
    private readonly TempContext _cacheHome = new();

    public void Dispose()
    {
        _context.Dispose();
        _cacheHome.Dispose();
    }

    private const string BuilderAndFinal = """
        FROM busybox AS builder
        RUN echo hello > /out.txt
        FROM busybox AS final
        COPY --from=builder /out.txt /out.txt
        """;

    public BuilderSizeCacheTests() => _context.Write("Dockerfile", BuilderAndFinal);

    private BuilderSizeCache? Cache()
    {
        var plan = GatePlan.Create(new TestOptions { Dockerfile = _context.Full("Dockerfile"), UseConfigurationFile = false });
        return BuilderSizeCache.For(plan, name => name == "XDG_CACHE_HOME" ? _cacheHome.Path : null, CancellationToken.None);
    }

    [Fact]
    public async Task A_size_measured_for_the_same_inputs_is_read_back()
    {
        await Cache()!.WriteAsync(450_000_000, CancellationToken.None);

        Assert.Equal(450_000_000, Cache()!.Read());
    }

    [Fact]
    public async Task A_changed_file_in_the_context_measures_the_builder_again()
    {
        await Cache()!.WriteAsync(450_000_000, CancellationToken.None);
        _context.Write("src/main.c", "int main(void) { return 0; }");

        Assert.Null(Cache()!.Read());
    }

    [Fact]
    public void Nothing_is_known_before_the_first_measurement()
    {
        Assert.Null(Cache()!.Read());
    }

    [Fact]
    public void A_final_stage_without_a_builder_has_no_entry()
    {
        var plan = GatePlan.Create(new TestOptions { Dockerfile = _context.Write("Dockerfile", "FROM busybox AS final\nRUN true\n"), UseConfigurationFile = false });

        Assert.Null(BuilderSizeCache.For(plan, _ => null, CancellationToken.None));
    }
}
