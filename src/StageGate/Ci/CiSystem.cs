using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.Ci;

/// <summary>
/// The CI system a run is in, decided once from the environment (or <c>--ci</c>): how its log is kept from obeying
/// text StageGate did not write, how diagnostics become annotations, and where the job summary and outputs go.
/// </summary>
internal abstract class CiSystem
{
    protected CiSystem(Func<string, string?> environment, string workspaceVariable)
    {
        Environment = environment;
        Workspace = environment(workspaceVariable) is { Length: > 0 } workspace ? workspace : null;
    }

    /// <summary>The checkout: paths in annotations, the summary and the log are shown relative to it.</summary>
    public string? Workspace { get; }

    protected Func<string, string?> Environment { get; }

    /// <summary>
    /// The CI system of <paramref name="values"/>' <c>--ci</c> choice, or the one the environment shows (auto);
    /// null outside CI. The one place StageGate reads <c>GITHUB_ACTIONS</c> and <c>TF_BUILD</c>.
    /// </summary>
    public static CiSystem? Detect(OptionValues values, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        string choice;
        try
        {
            choice = OptionReader.Read(OptionTable.Ci, values.For(OptionTable.Ci), new OptionReading(values.BaseFolder, o => o.NameIn(values.FrontEnd))) as string
                ?? OptionTable.Ci.Default;
        }
        catch (StageGateException)
        {
            // The resolver reports a bad --ci as the input error it is; the log still deserves the CI system's care.
            choice = OptionTable.Ci.Default;
        }
        return Detect(choice, environment ?? System.Environment.GetEnvironmentVariable);
    }

    public static CiSystem? Detect(string choice, Func<string, string?> environment) => choice switch
    {
        "github" => new GitHubActions(environment),
        "azure" => new AzurePipelines(environment),
        "none" => null,
        _ when CiEnvironment.IsOn(environment("GITHUB_ACTIONS")) => new GitHubActions(environment),
        _ when CiEnvironment.IsOn(environment("TF_BUILD")) => new AzurePipelines(environment),
        _ => null,
    };

    /// <summary>
    /// Lines StageGate did not author (build output, a progress line naming an instruction, the text report),
    /// as lines the CI system cannot take for its commands.
    /// </summary>
    public abstract IReadOnlyList<string> Defuse(IReadOnlyList<string> lines);

    /// <summary><see cref="Defuse(IReadOnlyList{string})"/> for a block of text; a final line break is kept.</summary>
    public string Defuse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trailing = text.EndsWith('\n');
        var lines = text.TrimEnd('\n').Split('\n');
        var defused = string.Join("\n", Defuse(lines));
        return trailing ? defused + "\n" : defused;
    }

    /// <summary>
    /// Text shown after a prefix on its line (MSBuild's <c>file(line,col): error SG3001: </c>), neutralised without
    /// adding lines, which a host cannot do in the middle of a line.
    /// </summary>
    public abstract string DefuseInline(string text);

    /// <summary>A diagnostic as MSBuild logs it after its own prefix: the message inline, the detail lines defused.</summary>
    public Diagnostic DefuseForMSBuild(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic with { Message = DefuseInline(diagnostic.Message), Details = Defuse(diagnostic.Details) };
    }

    /// <summary>
    /// The annotation for one diagnostic, or null when it gets none: informational ones (they go to the summary,
    /// so a green run stays quiet) and those past the CI system's limit (<paramref name="earlier"/> counts the ones before).
    /// </summary>
    public abstract string? Annotation(Diagnostic diagnostic, AnnotationCount earlier);

    /// <summary>The annotations of a run's diagnostics, errors before warnings, within the CI system's limits.</summary>
    public IReadOnlyList<string> Annotations(IEnumerable<Diagnostic> diagnostics)
    {
        var count = new AnnotationCount();
        var annotations = new List<string>();
        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Severity))
        {
            if (Annotation(diagnostic, count) is { } annotation)
            {
                annotations.Add(annotation);
            }
            count.Add(diagnostic);
        }
        return annotations;
    }

    /// <summary>What follows the text report in the log: each failing step's output, folded, then the annotations.</summary>
    public abstract string Console(Gates.GateResult? result, IReadOnlyList<Diagnostic> diagnostics);

    /// <summary>
    /// Writes the job summary and sets the outputs; returns the lines the log must carry for them (Azure takes both
    /// as logging commands, GitHub as files and so returns none).
    /// </summary>
    public abstract Task<IReadOnlyList<string>> PublishAsync(string markdownSummary, CiOutputs outputs, CancellationToken cancellationToken);

}
