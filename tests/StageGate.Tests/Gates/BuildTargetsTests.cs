using StageGate.Gates;
using StageGate.Tests.Context;

namespace StageGate.Tests.Gates;

/// <summary>Which buildx targets a run builds, under which bake names, and where each one's result goes.</summary>
public sealed class BuildTargetsTests : IDisposable
{
    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    private IReadOnlyList<BuildTarget> Targets(string dockerfile, TestOptions? options = null) =>
        BuildTargets.For(GatePlan.Create((options ?? new TestOptions { Dockerfile = "" }) with
        {
            Dockerfile = _context.Write("Dockerfile", dockerfile),
            UseConfigurationFile = false,
        }));

    [Fact]
    public void Tests_come_first_then_the_final_stage_then_the_builder_it_is_compared_with()
    {
        var targets = Targets(PlanDockerfiles.TestAndFinal);

        Assert.Equal(
            new[] { ("test", TargetRole.Test), ("final", TargetRole.Final), ("builder", TargetRole.Builder) },
            targets.Select(t => (t.BakeName, t.Role)));
    }

    [Fact]
    public void Test_stages_export_nothing_and_measured_stages_are_loaded_into_the_engine()
    {
        var targets = Targets(PlanDockerfiles.TestAndFinal);

        Assert.Equal(
            new[] { "type=cacheonly", "type=docker", "type=docker" },
            targets.Select(t => t.OutputArgument));
    }

    [Fact]
    public void The_builder_is_loaded_without_a_tag_so_no_builder_image_is_left_named_per_project()
    {
        var builder = Targets(PlanDockerfiles.TestAndFinal).Single(t => t.Role == TargetRole.Builder);

        Assert.Null(builder.Tag);
    }

    [Fact]
    public void A_builder_whose_size_is_already_known_is_not_exported()
    {
        var targets = BuildTargets.For(GatePlan.Create(new TestOptions { Dockerfile = _context.Write("Dockerfile", PlanDockerfiles.TestAndFinal), UseConfigurationFile = false }), measureBuilder: false);

        Assert.Equal(new[] { "test", "final" }, targets.Select(t => t.BakeName));
    }

    [Fact]
    public void The_last_stage_is_built_without_a_target_name_and_the_others_by_name()
    {
        var targets = Targets(PlanDockerfiles.TestAndFinal);

        Assert.Equal(new[] { "test", null, "builder" }, targets.Select(t => t.TargetName));
    }

    [Fact]
    public void A_test_stage_the_final_stage_copies_from_is_not_measured_as_its_builder()
    {
        const string copiesFromTest = """
            FROM busybox AS test
            RUN echo ok > /ok
            FROM busybox AS final
            COPY --from=test /ok /ok
            """;

        var targets = Targets(copiesFromTest);

        Assert.Equal(new[] { "test", "final" }, targets.Select(t => t.BakeName));
    }

    [Fact]
    public void An_unnamed_builder_stage_is_not_built_on_its_own()
    {
        const string unnamed = """
            FROM busybox
            RUN echo zero > /zero
            FROM busybox
            COPY --from=0 /zero /zero
            """;

        var target = Assert.Single(Targets(unnamed));

        Assert.Equal(("stage-1", TargetRole.Final), (target.BakeName, target.Role));
    }

    [Fact]
    public void Bake_names_keep_only_letters_digits_dashes_and_underscores()
    {
        const string dotted = """
            FROM busybox AS unit.tests
            RUN true
            FROM busybox AS final
            RUN true
            """;

        var targets = Targets(dotted, new TestOptions { Dockerfile = "", TestTargets = ["unit.tests"] });

        Assert.Equal("unit-tests", targets[0].BakeName);
        Assert.Equal("unit.tests", targets[0].TargetName);
    }
}
