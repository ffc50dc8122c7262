namespace StageGate.Lint.Rules;

/// <summary>BuildKit's JSONArgsRecommended: <c>CMD</c> or <c>ENTRYPOINT</c> in shell form.</summary>
internal sealed class JsonArgsRecommended : LintRule
{
    public override string Name => "JSONArgsRecommended";

    public override string Title => "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals";

    public override string Help => "In shell form the process runs under `/bin/sh -c` and does not receive SIGTERM, so `docker stop` waits and kills it. Write `CMD [\"app\", \"--flag\"]`; a stage that sets SHELL explicitly is left alone.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var stage in document.Stages)
        {
            // An explicit SHELL says the shell form is meant; BuildKit does not warn then either.
            var shellSet = document.Lineage(stage).Any(s => s.Body.Any(i => i.Keyword == "SHELL"));
            if (shellSet)
            {
                continue;
            }
            foreach (var instruction in stage.Body.Where(i => i.Keyword is "CMD" or "ENTRYPOINT" && !i.IsJsonForm && i.Arguments.Count > 0))
            {
                yield return Finding($"JSON arguments recommended for {instruction.Keyword} to prevent unintended behavior related to OS signals", instruction);
            }
        }
    }
}
