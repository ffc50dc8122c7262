using StageGate.Diagnostics;

namespace StageGate.Buildx;

/// <summary>The command line of <c>docker buildx bake</c> for a bake file StageGate wrote.</summary>
internal sealed record BakeOptions(string File)
{
    /// <summary>Targets or groups to build; bake's <c>default</c> group when empty.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    public ProgressMode? Progress { get; init; }
    public string? MetadataFile { get; init; }
    public string? Builder { get; init; }
    public bool Load { get; init; }
    public bool Push { get; init; }
    public bool NoCache { get; init; }
    public bool Pull { get; init; }
    public string? Provenance { get; init; }
    public string? Sbom { get; init; }

    /// <summary><c>--set targetpattern.key=value</c> overrides, in order.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    internal static bool IsValidTargetName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The exact arguments after the <c>docker</c> executable, starting <c>buildx bake</c>, targets last.</summary>
    /// <exception cref="StageGateException">SG1016 when an option cannot be expressed as a flag.</exception>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new BuildxArgumentList("buildx", "bake");
        if (string.IsNullOrEmpty(File))
        {
            throw Codes.InvalidOption.Exception("Invalid option --file: the bake file path is empty.");
        }
        args.Value("--file", File);
        args.Value("--builder", Builder);
        args.Value("--progress", BuildxArgumentList.ProgressName(Progress));
        args.Value("--metadata-file", MetadataFile);
        args.Flag("--load", Load);
        args.Flag("--push", Push);
        args.Flag("--no-cache", NoCache);
        args.Flag("--pull", Pull);
        args.Value("--provenance", Provenance);
        args.Value("--sbom", Sbom);
        args.Each("--set", Set);
        foreach (var target in Targets)
        {
            if (!IsValidTargetName(target))
            {
                throw Codes.InvalidOption.Exception(
                    $"Invalid bake target name '{target}': bake accepts only letters, digits, '-' and '_'.");
            }
            args.Positional("bake target", target);
        }
        return args.ToList();
    }
}
