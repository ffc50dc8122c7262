namespace StageGate.Lint.Rules;

/// <summary>BuildKit's FromAsCasing: <c>FROM image as name</c>.</summary>
internal sealed class FromAsCasing : LintRule
{
    public override string Name => "FromAsCasing";

    public override string Title => "The 'as' keyword should match the case of the 'from' keyword";

    public override string Help => "Write `FROM … AS name` or `from … as name`, not a mix. A FROM keyword of mixed case is left alone.";

    public override IEnumerable<LintFinding> Check(LintDocument document)
    {
        foreach (var stage in document.Stages.Where(s => s.From.Arguments.Count == 3))
        {
            var from = stage.From.Text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
            var asWord = stage.From.Arguments[1];
            // A FROM that is itself of mixed case says nothing about which case AS should have.
            var fromLower = string.Equals(from, from.ToLowerInvariant(), StringComparison.Ordinal);
            var fromUpper = string.Equals(from, from.ToUpperInvariant(), StringComparison.Ordinal);
            if (fromLower == fromUpper)
            {
                continue;
            }
            var expected = fromLower ? asWord.ToLowerInvariant() : asWord.ToUpperInvariant();
            if (!string.Equals(asWord, expected, StringComparison.Ordinal))
            {
                yield return Finding($"'{asWord}' and '{from}' keywords' casing do not match", stage.From);
            }
        }
    }
}
