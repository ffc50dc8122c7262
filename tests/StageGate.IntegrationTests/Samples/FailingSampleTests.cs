using System.Text.Json;
using StageGate.Diagnostics;
using StageGate.Hosting;
using StageGate.IntegrationTests.Gates;

namespace StageGate.IntegrationTests.Samples;

/// <summary>
/// The samples' gates really fail: a copy of a sample with one test broken fails at the line that runs the tests,
/// and a naive single-stage image breaks the budget its sample sets. Nothing broken is committed.
/// </summary>
[Collection(DockerGates.Name)]
public sealed class FailingSampleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_broken_node_test_fails_the_gate_at_the_line_that_runs_node_test()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = SampleCopy.Of("node-typescript");
        sample.Replace("test/todos.test.ts", "{ id: 1, title: \"write the sample\", done: false }", "{ id: 1, title: \"write the sample\", done: true }");
        var host = new RecordingHost(output);

        var run = await HostedGate.CheckAsync(new TestOptions { Dockerfile = sample.PathOf("Dockerfile") }.ToValues(), host);

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        var failure = Assert.Single(host.Diagnostics, d => d.Code == Codes.TestStepFailed.Code);
        Assert.Equal((sample.PathOf("Dockerfile"), sample.LineOf("Dockerfile", "RUN node --test")), (failure.File, failure.Line));
    }

    [Fact]
    public async Task A_broken_pytest_test_fails_the_gate_at_the_pytest_line_and_names_the_test_at_its_source_line()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = SampleCopy.Of("python-service");
        sample.Replace("tests/test_pricing.py", "assert quote(2.5, \"eu\") == Decimal(\"14.40\")", "assert quote(2.5, \"eu\") == Decimal(\"14.41\")");
        var host = new RecordingHost(output);
        var results = sample.PathOf("results");

        // stagegate.json beside the Dockerfile sets testResults: the JUnit XML comes out and decides the gate.
        var run = await HostedGate.CheckAsync(new TestOptions { Dockerfile = sample.PathOf("Dockerfile"), TestResultsDirectory = results }.ToValues(), host);

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        var stage = Assert.Single(host.Diagnostics, d => d.Code == Codes.TestsFailed.Code);
        Assert.Equal((sample.PathOf("Dockerfile"), sample.LineOf("Dockerfile", "python -m pytest")), (stage.File, stage.Line));
        Assert.Contains("7 passed, 1 failed", stage.Message, StringComparison.Ordinal);
        var test = Assert.Single(host.Diagnostics, d => d.Code == Codes.TestFailed.Code);
        Assert.Equal((sample.PathOf("tests/test_pricing.py"), sample.LineOf("tests/test_pricing.py", "Decimal(\"14.41\")")), (test.File, test.Line));
        Assert.Contains("test_every_started_kilogram_counts", test.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(results, "test", "junit.xml")));
    }

    [Fact]
    public async Task The_naive_single_stage_go_image_breaks_the_budget_of_its_sample()
    {
        if (!await DockerAvailability.RequireAsync(output))
        {
            return;
        }
        await using var sample = SampleCopy.Of("go-static");
        var budget = JsonDocument.Parse(File.ReadAllText(sample.PathOf("stagegate.json"))).RootElement.GetProperty("sizeBudget").GetString();
        var host = new RecordingHost(output);

        // The same budget, given to the image the multi-stage build replaces (its stagegate.json names stages it lacks).
        var run = await HostedGate.CheckAsync(
            new TestOptions { Dockerfile = sample.PathOf("Dockerfile.single"), SizeBudget = budget, UseConfigurationFile = false }.ToValues(), host);

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        var over = Assert.Single(host.Diagnostics, d => d.Code == Codes.OverBudget.Code);
        Assert.Contains(budget!, over.Message, StringComparison.Ordinal);
    }
}
