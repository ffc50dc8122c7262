using StageGate.Lint;
using StageGate.Tests.Dockerfiles.RealWorld;

namespace StageGate.Tests.Lint;

/// <summary>Docker's own sample Dockerfiles: the pitfalls are reported where they ship, never in builder or test stages.</summary>
public class RealWorldLintTests
{
    private static List<(string Rule, int Line)> Pitfalls(string dockerfile, string? finalTarget = null) =>
        Linter.Run(LintDocument.Parse(dockerfile, "Dockerfile", finalTarget), new LintSettings())
            .Where(r => !r.Rule.IsBuildKitCheck)
            .Select(r => (r.Rule.Id, r.Finding.StartLine))
            .ToList();

    [Theory]
    [InlineData(nameof(RealWorldDockerfiles.Go), 19)]
    [InlineData(nameof(RealWorldDockerfiles.DotNet), 19)]
    [InlineData(nameof(RealWorldDockerfiles.JavaMaven), 28)]
    public void A_well_built_sample_only_gets_the_digest_suggestion_for_its_final_base(string sample, int finalLine)
    {
        var dockerfile = (string)typeof(RealWorldDockerfiles).GetField(sample)!.GetValue(null)!;

        Assert.Equal([("SG5011", finalLine)], Pitfalls(dockerfile));
    }

    [Fact]
    public void A_Dockerfile_ending_in_its_test_stage_gets_no_final_stage_finding_until_the_final_target_is_named()
    {
        Assert.Empty(Pitfalls(RealWorldDockerfiles.Node));
        // Docker's Node sample copies the whole context into prod, the stage that ships.
        Assert.Contains(("SG5014", 25), Pitfalls(RealWorldDockerfiles.Node, finalTarget: "prod"));
    }

    [Fact]
    public void A_builder_that_downloads_modules_after_COPY_all_is_caught_and_its_go_test_steps_are_not_pitfalls()
    {
        Assert.Equal(
            [("SG5015", 6), ("SG5010", 12), ("SG5012", 12)],
            Pitfalls(RealWorldDockerfiles.Distroless));
    }
}
