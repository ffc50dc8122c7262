namespace StageGate.Lint.Rules;

/// <summary>BuildKit's FromPlatformFlagConstDisallowed: <c>FROM --platform=linux/amd64</c>.</summary>
internal sealed class FromPlatformFlagConstDisallowed : LintRule
{
    public override string Name => "FromPlatformFlagConstDisallowed";

    public override string Title => "FROM --platform flag should not use a constant value";

    public override string Help => "A constant platform pins the stage to one platform and breaks multi-platform builds. Use `--platform=$BUILDPLATFORM` (or leave it out); a stage named for its platform (`AS build-arm64`) is left alone.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var stage in document.Stages)
        {
            if (stage.Platform is not { Length: > 0 } platform || !VariableReferences.IsConstant(platform, document.Escape))
            {
                continue;
            }
            // A stage whose name says its platform is meant for that platform only.
            var parts = platform.ToLowerInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (stage.Name is { } name && parts.Any(p => name.Contains(p, StringComparison.Ordinal)))
            {
                continue;
            }
            yield return Finding($"FROM --platform flag should not use constant value \"{platform}\"", stage.From);
        }
    }
}
