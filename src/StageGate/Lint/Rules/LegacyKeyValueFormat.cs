namespace StageGate.Lint.Rules;

/// <summary>BuildKit's LegacyKeyValueFormat: <c>ENV key value</c> or <c>LABEL key value</c>.</summary>
internal sealed class LegacyKeyValueFormat : LintRule
{
    public override string Name => "LegacyKeyValueFormat";

    public override string Title => "Legacy key/value format with whitespace separator should not be used";

    public override string Help => "`ENV key value` sets one variable to the rest of the line, which surprises when a value has spaces. Write `ENV key=value`.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var instruction in document.Stages.SelectMany(s => s.Body).Where(i => i.Keyword is "ENV" or "LABEL"))
        {
            var words = instruction.Text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && !words[1].Contains('=', StringComparison.Ordinal))
            {
                yield return Finding($"\"{instruction.Keyword} key=value\" should be used instead of legacy \"{instruction.Keyword} key value\" format", instruction);
            }
        }
    }
}
