namespace StageGate.Lint.Rules;

/// <summary>BuildKit's WorkdirRelativePath: a relative WORKDIR before any absolute one.</summary>
internal sealed class WorkdirRelativePath : LintRule
{
    public override string Name => "WorkdirRelativePath";

    public override string Title => "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes";

    public override string Help => "A relative WORKDIR is taken from the base image's working folder, which the image can change. Set an absolute WORKDIR first, e.g. `WORKDIR /app`.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var stage in document.Stages)
        {
            var inherited = document.Lineage(stage).Skip(1).Any(s => s.Body.Any(i => i.Keyword == "WORKDIR" && IsAbsolute(Path(i))));
            var absoluteSet = inherited;
            foreach (var workdir in stage.Body.Where(i => i.Keyword == "WORKDIR"))
            {
                var path = Path(workdir);
                if (IsAbsolute(path))
                {
                    absoluteSet = true;
                }
                // A path that starts with a variable may well be absolute once expanded; BuildKit knows, StageGate does not guess.
                else if (!absoluteSet && !path.StartsWith('$'))
                {
                    yield return Finding($"Relative workdir \"{path}\" can have unexpected results if the base image changes", workdir);
                }
            }
        }
    }

    private static string Path(Dockerfiles.Instruction workdir) => workdir.Arguments.FirstOrDefault() ?? "";

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');
}
