using System.Text.RegularExpressions;

namespace StageGate.Lint.Rules;

/// <summary>BuildKit's RedundantTargetPlatform: <c>FROM --platform=$TARGETPLATFORM</c>.</summary>
internal sealed partial class RedundantTargetPlatform : LintRule
{
    public override string Name => "RedundantTargetPlatform";

    public override string Title => "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior";

    public override string Help => "A stage is built for the target platform unless told otherwise. Remove `--platform=$TARGETPLATFORM`.";

    public override IEnumerable<LintFinding> Check(LintDocument document) =>
        document.Stages
            .Where(s => s.Platform is { } platform && TargetPlatformOnly().IsMatch(platform))
            .Select(s => Finding($"Setting platform to predefined {s.Platform} in FROM is redundant as this is the default behavior", s.From));

    [GeneratedRegex(@"^(?:\$TARGETPLATFORM|\$\{TARGETPLATFORM\})$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetPlatformOnly();
}
