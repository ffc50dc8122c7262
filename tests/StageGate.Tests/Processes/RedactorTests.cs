using StageGate.Processes;

namespace StageGate.Tests.Processes;

public sealed class RedactorTests
{
    [Fact]
    public void Every_occurrence_of_a_secret_is_masked()
    {
        var redactor = new Redactor(["hunter2"]);

        Assert.Equal("*** and ***", redactor.Redact("hunter2 and hunter2"));
    }

    [Fact]
    public void A_secret_that_starts_before_the_limit_is_masked_whole()
    {
        var redactor = new Redactor(["secret"]);

        var text = redactor.Redact("abcsecretxyz", limit: 5, out var consumed);

        Assert.Equal(("abc***", 9), (text, consumed));
    }

    [Fact]
    public void Text_without_secrets_is_cut_at_the_limit()
    {
        var redactor = new Redactor(["secret"]);

        var text = redactor.Redact("abcdefgh", limit: 5, out var consumed);

        Assert.Equal(("abcde", 5), (text, consumed));
    }
}
