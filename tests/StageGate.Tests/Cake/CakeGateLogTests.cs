using Cake.Core.Diagnostics;
using StageGate.Cake;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Tests.Cake;

public sealed class CakeGateLogTests
{
    private readonly RecordingCakeLog _cakeLog = new();

    [Fact]
    public void Build_output_is_verbose_steps_are_normal_and_verdicts_are_minimal()
    {
        var log = new CakeGateLog(_cakeLog, []);

        log.Report(new GateProgress(GateProgressLevel.Detail, "#5 0.3 hi"));
        log.Report(new GateProgress(GateProgressLevel.Step, "[test 2/2] RUN test -f /app.txt"));
        log.Report(new GateProgress(GateProgressLevel.Summary, "final image 4.3 MB, budget 10 MB"));

        Assert.Equal(
            [Verbosity.Verbose, Verbosity.Normal, Verbosity.Minimal],
            _cakeLog.Lines.Select(l => l.Verbosity));
    }

    [Fact]
    public void Braces_in_build_output_are_printed_as_they_are()
    {
        var log = new CakeGateLog(_cakeLog, []);

        log.Report(new GateProgress(GateProgressLevel.Detail, "{\"name\": \"app\"} {0}"));

        Assert.Equal("{\"name\": \"app\"} {0}", _cakeLog.Lines.Single().Text);
    }

    [Fact]
    public void Secret_values_are_logged_as_redacted_like_cake_does_for_secret_arguments()
    {
        var log = new CakeGateLog(_cakeLog, ["s3cr3t-token", null, ""]);

        log.Report(new GateProgress(GateProgressLevel.Detail, "#7 0.2 using s3cr3t-token to log in"));

        Assert.Equal("#7 0.2 using [REDACTED] to log in", _cakeLog.Lines.Single().Text);
    }

    [Fact]
    public void Errors_are_logged_as_errors_and_warnings_as_warnings_with_their_location()
    {
        var log = new CakeGateLog(_cakeLog, []);

        log.Write(
        [
            Codes.TestStepFailed.Create("RUN test -f /app.txt failed (exit 1)", "/src/Dockerfile", 4, 1),
            Codes.NoTestStage.Create("no stage named test", "/src/Dockerfile"),
        ]);

        Assert.Equal(
            [
                (Verbosity.Quiet, LogLevel.Error, "/src/Dockerfile(4,1): error SG3001: RUN test -f /app.txt failed (exit 1)"),
                (Verbosity.Minimal, LogLevel.Warning, "/src/Dockerfile: warning SG3003: no stage named test"),
            ],
            _cakeLog.Lines);
    }

    [Fact]
    public void A_diagnostic_shows_its_detail_lines_under_it()
    {
        var diagnostic = Codes.TestStepFailed.Create("step failed", "/src/Dockerfile", 4, 1) with { Details = ["test: not found", "exit 1"] };

        var text = CakeGateLog.Describe(diagnostic);

        Assert.Equal(
            ["/src/Dockerfile(4,1): error SG3001: step failed", "    test: not found", "    exit 1"],
            text.Split(Environment.NewLine));
    }
}
