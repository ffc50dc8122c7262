using StageGate.Diagnostics;
using StageGate.MSBuild;

namespace StageGate.Tests.MSBuild;

public class LoggedDiagnosticTests
{
    private const string ProjectFile = "/src/app/app.csproj";

    [Fact]
    public void A_failing_step_points_at_its_Dockerfile_line_and_carries_its_last_output_under_the_message()
    {
        var diagnostic = Codes.TestStepFailed.Create("Test stage 'test' failed at step 1/1 `RUN make test`", "/src/app/Dockerfile", 14)
            with { Details = ["FAIL: parses_empty_input", "make: *** [test] Error 1"] };

        var logged = LoggedDiagnostic.From(diagnostic, ProjectFile);

        Assert.Equal(("SG3001", "/src/app/Dockerfile", 14, 1), (logged.Code, logged.File, logged.Line, logged.Column));
        Assert.Equal(
            string.Join(Environment.NewLine, "Test stage 'test' failed at step 1/1 `RUN make test`", "  FAIL: parses_empty_input", "  make: *** [test] Error 1"),
            logged.Message);
    }

    [Fact]
    public void An_error_without_a_file_points_at_the_project_file()
    {
        var logged = LoggedDiagnostic.From(Codes.InvalidSize.Create("Invalid size budget '2 parsecs'."), ProjectFile);

        Assert.Equal((ProjectFile, 0, 0), (logged.File, logged.Line, logged.Column));
        Assert.Equal("Invalid size budget '2 parsecs'.", logged.Message);
    }

    [Fact]
    public void An_information_without_a_file_stays_without_one()
    {
        var logged = LoggedDiagnostic.From(Codes.SizeReport.Create("Final image is 763kB."), ProjectFile);

        Assert.Equal("", logged.File);
    }

    [Fact]
    public void An_unknown_target_the_project_named_points_at_the_project_not_the_Dockerfile()
    {
        var diagnostic = Codes.UnknownTarget.Create("Stage 'tests' not found. Did you mean 'test'?", "/src/app/Dockerfile");

        Assert.Equal(ProjectFile, LoggedDiagnostic.From(diagnostic, ProjectFile, projectNamesTargets: true).File);
        Assert.Equal("/src/app/Dockerfile", LoggedDiagnostic.From(diagnostic, ProjectFile, projectNamesTargets: false).File);
    }
}
