using StageGate.Diagnostics;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tests.Hosting;

public sealed class HostedGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-hosted-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ProjectFile => Path.Combine(_folder, "app.csproj");

    [Fact]
    public async Task An_input_error_is_given_to_the_host_once_with_exit_code_2_and_no_result()
    {
        var host = new ListHost();

        var run = await HostedGate.CheckAsync(new OptionValues(FrontEnd.Cli, _folder).Add(OptionTable.Dockerfile, "missing/Dockerfile"), host);

        Assert.Null(run.Result);
        Assert.Equal(2, run.ExitCode);
        var logged = Assert.Single(host.Logged);
        Assert.Equal(Codes.DockerfileNotFound.Code, logged.Code);
        Assert.Equal(run.Diagnostics, host.Logged);
        Assert.Equal("StageGate: did not run", run.Summary);
    }

    [Fact]
    public async Task An_error_without_a_place_of_its_own_points_at_the_project_file_in_MSBuild()
    {
        var host = new ListHost();
        var values = MSBuildValues.From(ProjectFile, [("StageGateSizeBudget", "a lot")], []);

        var run = await HostedGate.CheckAsync(values, host);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal((Codes.InvalidSize.Code, ProjectFile), (error.Code, error.File));
        Assert.StartsWith("StageGateSizeBudget: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_is_SG2007_never_a_verdict()
    {
        var host = new ListHost();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        File.WriteAllText(Path.Combine(_folder, "Dockerfile"), "FROM busybox\n");

        var run = await HostedGate.CheckAsync(new OptionValues(FrontEnd.Cake, _folder), host, cancelled.Token);

        Assert.Null(run.Result);
        Assert.Equal((2, Codes.Cancelled.Code), (run.ExitCode, Assert.Single(host.Logged).Code));
        Assert.Equal("StageGate: cancelled", run.Summary);
    }

    [Fact]
    public async Task The_failure_text_for_a_cake_exception_points_at_the_logged_errors_instead_of_repeating_them()
    {
        var run = await HostedGate.CheckAsync(new OptionValues(FrontEnd.Cake, _folder).Add(OptionTable.Dockerfile, "nowhere"), new ListHost());

        Assert.Equal("StageGate: did not run. The error above (SG1001) says why.", run.FailureText);
    }

    [Theory]
    [InlineData(new[] { "SG3001" }, 1)]
    [InlineData(new[] { "SG4001", "SG2009" }, 1)]
    [InlineData(new[] { "SG2009" }, 2)]
    [InlineData(new[] { "SG2006" }, 2)]
    [InlineData(new string[0], 0)]
    public void A_failed_gate_exits_1_even_beside_an_environment_error_and_any_other_error_exits_2(string[] errors, int exitCode)
    {
        var diagnostics = errors.Select(code => new Diagnostic(DiagnosticSeverity.Error, code, "message"))
            .Append(new Diagnostic(DiagnosticSeverity.Warning, Codes.NoTestStage.Code, "a warning never fails"));

        Assert.Equal(exitCode, ExitCodes.For(diagnostics));
    }

    private sealed class ListHost : IGateHost
    {
        public List<Diagnostic> Logged { get; } = [];

        public void Log(Diagnostic diagnostic) => Logged.Add(diagnostic);

        public void Progress(GateProgress progress)
        {
        }
    }
}
