using StageGate.Hosting;
using StageGate.Gates;
using StageGate.Tests.Context;

namespace StageGate.Tests.Gates;

/// <summary>The inputs fingerprint changes with what decides a run's outcome, and only with that.</summary>
public sealed class GateFingerprintTests : IDisposable
{
    private readonly TempContext _context = new();
    private readonly TestOptions _options;

    public GateFingerprintTests()
    {
        _options = new TestOptions
        {
            Dockerfile = _context.Write("Dockerfile", "FROM busybox AS test\nRUN true\nFROM busybox AS final\nCOPY app.txt /app.txt\n"),
            SizeBudget = "10MB",
            UseConfigurationFile = false,
        };
        _context.Write("app.txt", "version 1");
        _context.Write("notes.log", "ignored");
        _context.Write(".dockerignore", "*.log\n");
    }

    public void Dispose() => _context.Dispose();

    private string Fingerprint(TestOptions? options = null) => GateFingerprint.Compute(options ?? _options, CancellationToken.None);

    [Fact]
    public void The_same_inputs_give_the_same_fingerprint()
    {
        Assert.Equal(Fingerprint(), Fingerprint());
    }

    [Fact]
    public void Editing_the_dockerfile_changes_it()
    {
        var before = Fingerprint();
        File.AppendAllText(_options.Dockerfile, "RUN true\n");

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void Editing_a_file_the_build_context_sends_changes_it()
    {
        var before = Fingerprint();
        _context.Write("app.txt", "version 2");

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void Adding_a_file_the_build_context_sends_changes_it()
    {
        var before = Fingerprint();
        _context.Write("src/new.txt", "new");

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void Editing_a_file_that_dockerignore_leaves_out_leaves_it_unchanged()
    {
        var before = Fingerprint();
        _context.Write("notes.log", "changed, but never sent to the daemon");

        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Changing_the_size_budget_changes_it()
    {
        Assert.NotEqual(Fingerprint(), Fingerprint(_options with { SizeBudget = "20MB" }));
    }

    [Fact]
    public void Changing_a_build_argument_changes_it()
    {
        Assert.NotEqual(Fingerprint(), Fingerprint(_options with { BuildArgs = new Dictionary<string, string> { ["VERSION"] = "2" } }));
    }

    [Fact]
    public void A_stagegate_json_budget_changes_it_when_the_file_is_read()
    {
        var options = _options with { SizeBudget = null, UseConfigurationFile = true };
        _context.Write("stagegate.json", """{ "sizeBudget": "10MB" }""");
        var before = Fingerprint(options);
        _context.Write("stagegate.json", """{ "sizeBudget": "20MB" }""");

        Assert.NotEqual(before, Fingerprint(options));
    }

    [Fact]
    public void A_malformed_dockerignore_is_hashed_like_any_other_without_throwing()
    {
        _context.Write(".dockerignore", "*.log\n[\n");

        var first = HostedGate.InputsFingerprint(_options.ToValues());

        Assert.NotNull(first);
        Assert.Equal(first, HostedGate.InputsFingerprint(_options.ToValues()));
    }

    [Fact]
    public void Fixing_a_malformed_dockerignore_changes_it()
    {
        _context.Write(".dockerignore", "*.log\n[\n");
        var before = Fingerprint();

        _context.Write(".dockerignore", "*.log\n\\[\n");

        Assert.NotEqual(before, Fingerprint());
    }
}
