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

    private const string PemKey = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
        QyNTUxOQAAACDNqFJ3Lq0vS+0oKzJb3yPq7CwXvG8y2B4dT0VfJt3XJgAAAJgAAAAAAAAA
        ==
        -----END OPENSSH PRIVATE KEY-----

        """;

    [Fact]
    public void Each_line_of_a_multi_line_secret_is_masked_when_printed_alone()
    {
        var redactor = new Redactor([PemKey]);

        Assert.Equal("***", redactor.Redact("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"));
        Assert.Equal("key line: *** end", redactor.Redact("key line: QyNTUxOQAAACDNqFJ3Lq0vS+0oKzJb3yPq7CwXvG8y2B4dT0VfJt3XJgAAAJgAAAAAAAAA end"));
        Assert.Equal("***", redactor.Redact("-----END OPENSSH PRIVATE KEY-----"));
    }

    [Fact]
    public void A_multi_line_secret_printed_whole_is_one_mask()
    {
        var redactor = new Redactor([PemKey]);

        Assert.Equal("before *** after", redactor.Redact("before " + PemKey + " after"));
    }

    [Fact]
    public void Lines_of_a_secret_shorter_than_four_characters_are_left_alone_in_ordinary_output()
    {
        var redactor = new Redactor([PemKey]);

        Assert.Equal("a == b", redactor.Redact("a == b"));
    }

    [Fact]
    public void A_secret_with_a_trailing_newline_is_masked_without_it()
    {
        var redactor = new Redactor(["hunter2\n"]);

        Assert.Equal("pw=***", redactor.Redact("pw=hunter2"));
    }

    [Fact]
    public void A_secret_with_windows_line_endings_is_masked_line_by_line()
    {
        var redactor = new Redactor(["first-line\r\nsecond-line\r\n"]);

        Assert.Equal("***", redactor.Redact("second-line"));
    }
}
