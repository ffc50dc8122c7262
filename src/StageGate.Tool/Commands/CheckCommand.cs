using System.CommandLine;
using StageGate.Gates;
using StageGate.Reports;

namespace StageGate.Tool.Commands;

/// <summary><c>stagegate check</c>: the gates in one command, with an exit code CI understands.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file", "-f") { Description = "The Dockerfile.", DefaultValueFactory = _ => "Dockerfile" };
        var context = new Option<string?>("--context") { Description = "The build context folder (default: the Dockerfile's folder)." };
        var testTargets = new Option<string[]>("--test-target") { Description = "A test stage to build explicitly (repeatable; default: the stage named 'test').", AllowMultipleArgumentsPerToken = false };
        var finalTarget = new Option<string?>("--final-target") { Description = "The stage that ships (default: the last stage)." };
        var tags = new Option<string[]>("--tag", "-t") { Description = "A tag for the final image (repeatable)." };
        var budget = new Option<string?>("--budget") { Description = "Size budget of the final image, e.g. 150MB (B, kB, MB, GB, KiB, MiB, GiB)." };
        var growthBudget = new Option<string?>("--growth-budget") { Description = "Allowed growth against --baseline, e.g. 5% or 10MB." };
        var baseline = new Option<string?>("--baseline") { Description = "A JSON report from an earlier run (see --report)." };
        var report = new Option<string?>("--report") { Description = "Write this run's JSON report here (reusable as a later --baseline)." };
        var junit = new Option<string?>("--junit") { Description = "Also write a JUnit XML report here." };
        var markdown = new Option<string?>("--markdown") { Description = "Also write a Markdown summary here." };
        var buildArgs = new Option<string[]>("--build-arg") { Description = "A build argument KEY=VALUE (repeatable)." };
        var labels = new Option<string[]>("--label") { Description = "A label KEY=VALUE for the final image (repeatable)." };
        var secrets = new Option<string[]>("--secret") { Description = "A build secret: id=NAME,env=VARIABLE or id=NAME,src=PATH (repeatable)." };
        var builder = new Option<string?>("--builder") { Description = "The buildx builder to use." };
        var platforms = new Option<string[]>("--platform") { Description = "Target platform(s), e.g. linux/amd64 (repeatable or comma-separated)." };
        var sequential = new Option<bool>("--sequential") { Description = "Run the test stages first and stop if they fail, instead of one parallel bake." };
        var noConfig = new Option<bool>("--no-config") { Description = "Ignore stagegate.json beside the Dockerfile." };
        var ci = new Option<string>("--ci") { Description = "Annotate for a CI system: auto, github, azure or none.", DefaultValueFactory = _ => "auto" };
        ci.AcceptOnlyFromAmong("auto", "github", "azure", "none");

        var command = new Command("check", "Build the test stage(s) and the final stage, measure the final image, and enforce its size budget.")
        {
            file, context, testTargets, finalTarget, tags, budget, growthBudget, baseline, report, junit, markdown,
            buildArgs, labels, secrets, builder, platforms, sequential, noConfig, ci,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return CommandExit.RunAsync(error, async () =>
            {
                var options = new GateOptions
                {
                    Dockerfile = parse.GetValue(file)!,
                    Context = parse.GetValue(context),
                    TestTargets = parse.GetValue(testTargets) ?? [],
                    FinalTarget = parse.GetValue(finalTarget),
                    Tags = parse.GetValue(tags) ?? [],
                    SizeBudget = parse.GetValue(budget),
                    GrowthBudget = parse.GetValue(growthBudget),
                    Baseline = parse.GetValue(baseline),
                    ReportPath = parse.GetValue(report),
                    BuildArgs = OptionText.ParsePairs(parse.GetValue(buildArgs), "--build-arg"),
                    Labels = OptionText.ParsePairs(parse.GetValue(labels), "--label"),
                    Secrets = (parse.GetValue(secrets) ?? []).Select(BuildSecret.Parse).ToList(),
                    Builder = parse.GetValue(builder),
                    Platforms = (parse.GetValue(platforms) ?? [])
                        .SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                    Sequential = parse.GetValue(sequential),
                    UseConfigurationFile = !parse.GetValue(noConfig),
                };

                var progress = new SynchronousProgress<GateProgress>(p =>
                {
                    if (p.Level != GateProgressLevel.Detail)
                    {
                        error.WriteLine(p.Message);
                    }
                });
                var result = await Gate.CheckAsync(options, progress, cancellationToken);

                await output.WriteAsync(Report.Render(result, ReportFormat.Text));
                var annotations = CiSystem(parse.GetValue(ci)!);
                if (annotations is { } format)
                {
                    // CI systems link annotations by paths relative to the checkout.
                    var checkout = Environment.GetEnvironmentVariable(format == ReportFormat.GitHubActions ? "GITHUB_WORKSPACE" : "BUILD_SOURCESDIRECTORY");
                    await output.WriteAsync(Report.Render(result, format, string.IsNullOrEmpty(checkout) ? null : checkout));
                }
                if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary && annotations == ReportFormat.GitHubActions)
                {
                    await File.AppendAllTextAsync(summary, Report.Render(result, ReportFormat.Markdown), cancellationToken);
                }
                await WriteIfAsked(parse.GetValue(junit), result, ReportFormat.JUnit, cancellationToken);
                await WriteIfAsked(parse.GetValue(markdown), result, ReportFormat.Markdown, cancellationToken);
                return result.Passed ? CommandExit.Success : CommandExit.GateFailed;
            });
        });
        return command;
    }

    private static ReportFormat? CiSystem(string choice) => choice switch
    {
        "github" => ReportFormat.GitHubActions,
        "azure" => ReportFormat.AzureDevOps,
        "none" => null,
        _ when string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase) => ReportFormat.GitHubActions,
        _ when string.Equals(Environment.GetEnvironmentVariable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) => ReportFormat.AzureDevOps,
        _ => null,
    };

    private static async Task WriteIfAsked(string? path, GateResult result, ReportFormat format, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }
        await ReportFile.WriteAsync(path, Report.Render(result, format), cancellationToken);
    }
}
