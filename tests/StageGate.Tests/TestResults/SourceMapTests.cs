using StageGate.Dockerfiles;
using StageGate.TestResults;

namespace StageGate.Tests.TestResults;

public sealed class SourceMapTests : IDisposable
{
    private readonly string context = Directory.CreateTempSubdirectory("stagegate-map-").FullName;

    public SourceMapTests()
    {
        Directory.CreateDirectory(Path.Combine(context, "tests"));
        File.WriteAllText(Path.Combine(context, "tests", "CalcTests.cs"), "");
        File.WriteAllText(Path.Combine(context, "tests", "test_calc.py"), "");
        File.WriteAllText(Path.Combine(context, "main.go"), "");
    }

    public void Dispose() => Directory.Delete(context, recursive: true);

    private SourceMap Map(string dockerfile, string stage = "test")
    {
        var parsed = Dockerfile.Parse(dockerfile, Path.Combine(context, "Dockerfile"));
        return SourceMap.For(parsed, parsed.FindStage(stage)!, context);
    }

    [Fact]
    public void A_dotnet_stack_trace_path_maps_through_workdir_and_a_folder_copy()
    {
        var map = Map("FROM busybox AS test\nWORKDIR /src\nCOPY tests/ tests/\n");
        var test = new TestCaseResult("CalcTests", "Divides", TestCaseOutcome.Failed) { StackTrace = "   at CalcTests.Divides() in /src/tests/CalcTests.cs:line 17" };

        Assert.Equal((Path.Combine(context, "tests", "CalcTests.cs"), 17), map.Locate(test));
    }

    [Fact]
    public void A_relative_pytest_path_is_taken_from_the_last_workdir_through_copy_dot()
    {
        var map = Map("FROM busybox AS base\nWORKDIR /app\nCOPY . .\nFROM base AS test\nRUN true\n");
        var test = new TestCaseResult("t", "test_div", TestCaseOutcome.Failed) { StackTrace = "tests/test_calc.py:9: AssertionError" };

        Assert.Equal((Path.Combine(context, "tests", "test_calc.py"), 9), map.Locate(test));
    }

    [Fact]
    public void A_single_file_copied_into_a_folder_maps_under_its_own_name()
    {
        var map = Map("FROM busybox AS test\nCOPY main.go /go/src/app/\n");

        Assert.Equal(Path.Combine(context, "main.go"), map.Map("/go/src/app/main.go"));
    }

    [Fact]
    public void A_path_no_copy_put_there_is_not_mapped()
    {
        var map = Map("FROM busybox AS test\nWORKDIR /src\nCOPY tests/ tests/\n");

        Assert.Null(map.Map("/usr/lib/dotnet/Assert.cs"));
    }

    [Fact]
    public void A_copy_from_another_stage_is_not_a_copy_from_the_context()
    {
        var map = Map("FROM busybox AS build\nFROM busybox AS test\nCOPY --from=build /out/ /src/tests/\n");

        Assert.Null(map.Map("/src/tests/CalcTests.cs"));
    }
}
