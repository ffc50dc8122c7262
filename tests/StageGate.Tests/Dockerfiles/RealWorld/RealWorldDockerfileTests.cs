using StageGate.Dockerfiles;
using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles.RealWorld;

public class RealWorldDockerfileTests
{
    private static IEnumerable<string?> Names(IEnumerable<Stage> stages) => stages.Select(s => s.Name);

    [Fact]
    public void Go_build_test_and_final_stages_parse_with_the_test_stage_left_out_of_final()
    {
        var dockerfile = Parse(RealWorldDockerfiles.Go);

        Assert.Equal(["build", "test", "final"], Names(dockerfile.Stages));
        Assert.Equal("golang:1.22-alpine", dockerfile.Stages[0].Base);
        Assert.Equal(0, dockerfile.Stages[1].BaseStage);
        Assert.Equal(["test"], Names(dockerfile.StagesNotReachedBy(dockerfile.DefaultTarget)));
    }

    [Fact]
    public void Go_cache_and_bind_mounts_without_a_source_stage_are_no_references()
    {
        var dockerfile = Parse(RealWorldDockerfiles.Go);

        Assert.Empty(dockerfile.Stages[0].References);
        Assert.Equal(new StageReference("COPY", 36, StageReferenceKind.Stage, 0, null), dockerfile.Stages[2].References.Single());
    }

    [Fact]
    public void Go_build_stage_steps_are_FROM_WORKDIR_and_two_RUNs()
    {
        var dockerfile = Parse(RealWorldDockerfiles.Go);
        var build = dockerfile.Stages[0];

        Assert.Equal([3, 4, 5, 10], Enumerable.Range(1, 4).Select(n => dockerfile.InstructionForStep(build, n)!.StartLine));
        Assert.Equal(12, dockerfile.InstructionForStep(build, 4)!.EndLine);
    }

    [Fact]
    public void Node_stages_all_build_on_the_base_stage_and_the_test_stage_is_the_default()
    {
        var dockerfile = Parse(RealWorldDockerfiles.Node);

        Assert.Equal("node:20.11.0-alpine", dockerfile.Stages[0].Base);
        Assert.Equal([null, 0, 0, 0], dockerfile.Stages.Select(s => s.BaseStage));
        Assert.Equal("test", dockerfile.DefaultTarget.Name);
        Assert.Equal(["base", "prod"], Names(dockerfile.StagesNeededBy(dockerfile.ResolveTarget("prod"))));
    }

    [Fact]
    public void Node_old_style_ENV_and_shell_form_CMD_parse()
    {
        var prod = Parse(RealWorldDockerfiles.Node).Stages[2];

        Assert.Equal(["NODE_ENV", "production"], prod.Instructions[1].Arguments);
        Assert.Equal(["node src/index.js"], prod.Instructions[^1].Arguments);
    }

    [Fact]
    public void Java_final_stage_copies_the_extracted_layers_and_skips_the_development_stage()
    {
        var dockerfile = Parse(RealWorldDockerfiles.JavaMaven);
        var final = dockerfile.ResolveTarget("final");

        Assert.Equal([2, 2, 2, 2], final.References.Select(r => r.Stage));
        Assert.Equal(["deps", "package", "extract", "final"], Names(dockerfile.StagesNeededBy(final)));
        Assert.Equal(["development"], Names(dockerfile.StagesNotReachedBy(final)));
    }

    [Fact]
    public void DotNet_final_stage_is_unnamed_and_shown_as_stage_2()
    {
        var dockerfile = Parse(RealWorldDockerfiles.DotNet);
        var final = dockerfile.DefaultTarget;

        Assert.Equal(("stage-2", "mcr.microsoft.com/dotnet/aspnet:8.0-alpine"), (final.DisplayName, final.Base));
        Assert.Equal(["--link", "--from=build"], final.Instructions[3].Flags);
        Assert.Equal(["FROM", "WORKDIR", "COPY"], Enumerable.Range(1, 3).Select(n => dockerfile.InstructionForStep(final, n)!.Keyword));
    }

    [Fact]
    public void Rust_cargo_chef_runtime_needs_every_stage()
    {
        var dockerfile = Parse(RealWorldDockerfiles.Rust);

        Assert.Equal(["chef", "planner", "builder", "runtime"], Names(dockerfile.StagesNeededBy(dockerfile.DefaultTarget)));
        Assert.Empty(dockerfile.StagesNotReachedBy(dockerfile.DefaultTarget));
    }

    [Fact]
    public void Distroless_final_stage_copies_from_the_build_stage_named_with_lower_case_as()
    {
        var dockerfile = Parse(RealWorldDockerfiles.Distroless);

        Assert.Equal("build", dockerfile.Stages[0].Name);
        Assert.Equal((StageReferenceKind.Stage, (int?)0), (dockerfile.DefaultTarget.References[0].Kind, dockerfile.DefaultTarget.References[0].Stage));
    }

    [Fact]
    public void Numbered_from_copies_from_the_first_unnamed_stage_and_its_heredoc_is_a_file()
    {
        var dockerfile = Parse(RealWorldDockerfiles.NumberedFrom);
        var copy = dockerfile.Stages[0].Instructions[2];

        Assert.Equal((StageBaseKind.Scratch, (int?)0), (dockerfile.DefaultTarget.BaseKind, dockerfile.DefaultTarget.References[0].Stage));
        Assert.Equal(("EOF", 4, 12), (copy.Heredocs[0].Name, copy.StartLine, copy.EndLine));
        Assert.Equal(13, dockerfile.Stages[0].Instructions[3].StartLine);
    }

    [Fact]
    public void ARG_in_FROM_expands_the_default_or_the_build_argument()
    {
        Assert.Equal(["base:latest", "extras:latest"], Parse(RealWorldDockerfiles.ArgInFrom).Stages.Select(s => s.Base));
        Assert.Equal(["base:1.2", "extras:1.2"], Parse(RealWorldDockerfiles.ArgInFrom, Args(("CODE_VERSION", "1.2"))).Stages.Select(s => s.Base));
    }
}
