using Microsoft.Build.Framework;

namespace StageGate.MSBuild;

// Every input and output of the task, in one place; build/StageGate.MSBuild.targets fills them
// from the StageGate* properties and items of the project.
public sealed partial class CheckStageGates
{
    /// <summary>The project file, where a diagnostic without a file of its own points.</summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    [Required]
    public string Dockerfile { get; set; } = "";

    public string? Context { get; set; }

    public string[] TestTargets { get; set; } = [];

    public string? FinalTarget { get; set; }

    /// <summary>A tag for the final image.</summary>
    public string? Image { get; set; }

    public string? SizeBudget { get; set; }

    public string? GrowthBudget { get; set; }

    public string? Baseline { get; set; }

    [Output]
    public string? ReportPath { get; set; }

    public string? Builder { get; set; }

    /// <summary>One or more platforms, separated by ',' or ';'.</summary>
    public string? Platform { get; set; }

    public bool Sequential { get; set; }

    public string? DockerPath { get; set; }

    /// <summary>Include = the build argument's name; metadata Value.</summary>
    public ITaskItem[] BuildArgs { get; set; } = [];

    /// <summary>Include = the secret's id; metadata Env or File.</summary>
    public ITaskItem[] Secrets { get; set; } = [];

    public ITaskItem[] Tags { get; set; } = [];

    /// <summary>Include = the label's key; metadata Value.</summary>
    public ITaskItem[] Labels { get; set; } = [];

    /// <summary>Holds the fingerprint of the last passing run's inputs; written only after a pass.</summary>
    [Required]
    public string StampFile { get; set; } = "";

    [Output]
    public string? ImageId { get; private set; }

    [Output]
    public string? Digest { get; private set; }

    [Output]
    public string? FinalSizeBytes { get; private set; }

    private ProjectSettings Settings() => new()
    {
        ProjectFile = ProjectFile,
        Dockerfile = Dockerfile,
        Context = Context,
        TestTargets = TestTargets,
        FinalTarget = FinalTarget,
        Image = Image,
        SizeBudget = SizeBudget,
        GrowthBudget = GrowthBudget,
        Baseline = Baseline,
        ReportPath = ReportPath,
        Builder = Builder,
        Platform = Platform,
        Sequential = Sequential,
        DockerPath = DockerPath,
        BuildArgs = BuildArgs.Select(i => ToProjectItem(i, "Value")).ToList(),
        Secrets = Secrets.Select(i => ToProjectItem(i, "Env", "File")).ToList(),
        Tags = Tags.Select(i => i.ItemSpec).ToList(),
        Labels = Labels.Select(i => ToProjectItem(i, "Value")).ToList(),
    };

    private static ProjectItem ToProjectItem(ITaskItem item, params string[] metadataNames) =>
        new(item.ItemSpec, metadataNames
            .Select(name => (name, value: item.GetMetadata(name)))
            .Where(m => !string.IsNullOrEmpty(m.value))
            .ToDictionary(m => m.name, m => m.value, StringComparer.OrdinalIgnoreCase));
}
