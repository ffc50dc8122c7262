namespace StageGate.Lint.Rules;

/// <summary>BuildKit's MultipleInstructionsDisallowed: two CMD, ENTRYPOINT or HEALTHCHECK in one stage.</summary>
internal sealed class MultipleInstructionsDisallowed : LintRule
{
    private static readonly string[] Keywords = ["CMD", "ENTRYPOINT", "HEALTHCHECK"];

    public override string Name => "MultipleInstructionsDisallowed";

    public override string Title => "Multiple instructions of the same type should not be used in the same stage";

    public override string Help => "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; the earlier ones (reported) do nothing. Remove them.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var stage in document.Stages)
        {
            foreach (var keyword in Keywords)
            {
                var instructions = stage.Body.Where(i => i.Keyword == keyword).ToList();
                // Each overridden instruction is reported, at its own line: that is the one to remove.
                foreach (var overridden in instructions.Take(instructions.Count - 1))
                {
                    yield return Finding($"Multiple {keyword} instructions should not be used in the same stage because only the last one will be used", overridden);
                }
            }
        }
    }
}
