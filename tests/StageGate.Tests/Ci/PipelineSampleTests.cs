using StageGate.Ci;
using YamlDotNet.RepresentationModel;

namespace StageGate.Tests.Ci;

/// <summary>The pipeline samples load as YAML, use only the keys their runners document, and read outputs StageGate sets.</summary>
public class PipelineSampleTests
{
    private static readonly string[] GitHubStepKeys =
        ["id", "if", "name", "uses", "run", "shell", "with", "env", "continue-on-error", "timeout-minutes", "working-directory"];

    private static readonly string[] AzureStepKinds = ["checkout", "task", "script", "bash", "pwsh", "powershell", "download", "publish", "template"];

    private static readonly string[] AzureStepKeys =
        [.. AzureStepKinds, "displayName", "name", "condition", "continueOnError", "enabled", "env", "inputs", "workingDirectory", "timeoutInMinutes", "retryCountOnTaskFailure", "target"];

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoRoot.Path, "samples", "ci", name));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode owner) =>
        ((YamlSequenceNode)owner[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();

    private static IEnumerable<string> Keys(YamlMappingNode node) => node.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!);

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? "" : "";

    private static IReadOnlyList<string> OutputsRead(string yaml, string pattern) =>
        System.Text.RegularExpressions.Regex.Matches(yaml, pattern).Select(m => m.Groups[1].Value).Distinct().ToList();

    [Fact]
    public void The_GitHub_workflow_has_a_trigger_and_jobs_whose_steps_use_only_documented_keys()
    {
        var workflow = Load("github-actions.yml");

        Assert.Contains("on", Keys(workflow));
        var jobs = (YamlMappingNode)workflow[new YamlScalarNode("jobs")];
        foreach (var job in jobs.Children.Values.Cast<YamlMappingNode>())
        {
            Assert.Contains("runs-on", Keys(job));
            foreach (var step in Steps(job))
            {
                Assert.All(Keys(step), key => Assert.Contains(key, GitHubStepKeys));
                Assert.True(Keys(step).Contains("uses") ^ Keys(step).Contains("run"), "a step either uses an action or runs a script");
            }
        }
    }

    [Fact]
    public void The_GitHub_workflow_checks_with_an_id_and_uploads_the_reports_even_when_the_gates_fail()
    {
        var steps = Steps((YamlMappingNode)((YamlMappingNode)Load("github-actions.yml")[new YamlScalarNode("jobs")])[new YamlScalarNode("gate")]).ToList();

        var check = Assert.Single(steps, s => Text(s, "run").Contains("stagegate check", StringComparison.Ordinal));
        Assert.Equal("stagegate", Text(check, "id"));
        var upload = Assert.Single(steps, s => Text(s, "uses").StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.Equal("always()", Text(upload, "if"));
    }

    [Fact]
    public void The_GitHub_workflow_reads_only_outputs_StageGate_sets()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "ci", "github-actions.yml"));
        var set = new CiOutputs(true, "id", "digest", 1, "report").Values().Select(o => o.GitHub).ToList();

        var read = OutputsRead(yaml, @"steps\.stagegate\.outputs\.([a-z-]+)");

        Assert.NotEmpty(read);
        Assert.All(read, output => Assert.Contains(output, set));
    }

    [Fact]
    public void The_Azure_pipeline_has_steps_of_one_kind_each_with_only_documented_keys()
    {
        var pipeline = Load("azure-pipelines.yml");

        Assert.Contains("pool", Keys(pipeline));
        foreach (var step in Steps(pipeline))
        {
            Assert.All(Keys(step), key => Assert.Contains(key, AzureStepKeys));
            Assert.Single(Keys(step), key => AzureStepKinds.Contains(key));
        }
    }

    [Fact]
    public void The_Azure_pipeline_names_the_check_step_and_reads_only_output_variables_StageGate_sets()
    {
        var pipeline = Load("azure-pipelines.yml");
        var yaml = File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "ci", "azure-pipelines.yml"));
        var set = new CiOutputs(true, "id", "digest", 1, "report").Values().Select(o => o.Azure).ToList();

        var check = Assert.Single(Steps(pipeline), s => Text(s, "script").Contains("stagegate check", StringComparison.Ordinal));
        Assert.Equal("stagegate", Text(check, "name"));
        var read = OutputsRead(yaml, @"\$\(stagegate\.([A-Za-z]+)\)");
        Assert.NotEmpty(read);
        Assert.All(read, output => Assert.Contains(output, set));
        Assert.Contains(Steps(pipeline), s => Text(s, "task") == "PublishTestResults@2" && Text(s, "condition") == "always()");
    }
}
