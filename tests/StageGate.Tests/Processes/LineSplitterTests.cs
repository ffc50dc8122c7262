using StageGate.Processes;

namespace StageGate.Tests.Processes;

public sealed class LineSplitterTests
{
    private static List<(string Text, long Length)> Split(int keepLength, params string[] chunks)
    {
        var lines = new List<(string, long)>();
        var splitter = new LineSplitter(keepLength, (text, length) => lines.Add((text, length)));
        foreach (var chunk in chunks)
        {
            splitter.Write(chunk);
        }
        splitter.Complete();
        return lines;
    }

    [Fact]
    public void Lines_end_at_lf_crlf_or_cr_like_TextReader()
    {
        var lines = Split(100, "a\nb\r\nc\rd");

        Assert.Equal([("a", 1L), ("b", 1L), ("c", 1L), ("d", 1L)], lines);
    }

    [Fact]
    public void A_crlf_split_between_two_reads_ends_one_line()
    {
        var lines = Split(100, "a\r", "\nb\n");

        Assert.Equal([("a", 1L), ("b", 1L)], lines);
    }

    [Fact]
    public void Empty_lines_are_kept()
    {
        var lines = Split(100, "\n\na\n");

        Assert.Equal([("", 0L), ("", 0L), ("a", 1L)], lines);
    }

    [Fact]
    public void A_line_longer_than_the_limit_keeps_its_start_and_reports_its_full_length()
    {
        var lines = Split(4, "abc", "defgh", "ij\nk");

        Assert.Equal([("abcd", 10L), ("k", 1L)], lines);
    }

    [Fact]
    public void Output_ending_with_a_newline_has_no_empty_last_line()
    {
        var lines = Split(100, "a\n");

        Assert.Equal([("a", 1L)], lines);
    }
}
