using StageGate.Buildx;

namespace StageGate.Tests.Buildx;

public sealed class RawJsonProgressReaderTests
{
    private static List<RawJsonItem> ReadLines(params string[] lines)
    {
        var reader = new RawJsonProgressReader();
        var items = lines.SelectMany(reader.ReadLine).ToList();
        items.AddRange(reader.Complete());
        return items;
    }

    [Fact]
    public void A_pretty_printed_object_is_handed_out_when_its_last_brace_arrives()
    {
        var reader = new RawJsonProgressReader();

        Assert.Empty(reader.ReadLine("{"));
        Assert.Empty(reader.ReadLine("  \"vertexes\": [ { \"digest\": \"sha256:a\", \"name\": \"[test 1/1] RUN echo {\" } ]"));
        var item = Assert.Single(reader.ReadLine("}"));

        var vertex = Assert.Single(Assert.IsType<SolveStatusItem>(item).Status.Vertexes!);
        Assert.Equal("[test 1/1] RUN echo {", vertex.Name);
    }

    [Fact]
    public void Text_lines_between_and_after_objects_come_out_as_text_in_order()
    {
        var items = ReadLines(
            "WARNING: No output specified with docker-container driver.",
            "{\"logs\": []}",
            "",
            "ERROR: failed to solve: exit code: 3");

        Assert.Collection(items,
            i => Assert.Equal(new TextLineItem("WARNING: No output specified with docker-container driver."), i),
            i => Assert.IsType<SolveStatusItem>(i),
            i => Assert.Equal(new TextLineItem("ERROR: failed to solve: exit code: 3"), i));
    }

    [Fact]
    public void Objects_written_back_to_back_on_one_line_are_two_objects()
    {
        var items = ReadLines("{\"logs\":[]}{\"vertexes\":[]}");

        Assert.Equal(2, items.OfType<SolveStatusItem>().Count());
    }

    [Fact]
    public void Quotes_and_braces_escaped_inside_strings_do_not_end_the_object()
    {
        var items = ReadLines("{\"vertexes\":[{\"digest\":\"d\",\"error\":\"a \\\"}\\\" b\\\\\"}]}");

        var vertex = Assert.Single(Assert.IsType<SolveStatusItem>(Assert.Single(items)).Status.Vertexes!);
        Assert.Equal("a \"}\" b\\", vertex.Error);
    }

    [Fact]
    public void A_braced_line_that_is_not_json_is_surfaced_as_text_instead_of_throwing()
    {
        var items = ReadLines("{not json}", "after");

        Assert.Equal([new TextLineItem("{not json}"), new TextLineItem("after")], items);
    }

    [Fact]
    public void An_object_cut_off_by_the_end_of_the_stream_is_dropped_not_shown_as_raw_json()
    {
        var items = ReadLines("before", "{", "  \"vertexes\": [");

        Assert.Equal([new TextLineItem("before")], items);
    }

    [Fact]
    public void A_record_past_the_limit_outside_any_string_is_skipped_and_the_next_one_is_read()
    {
        var reader = new RawJsonProgressReader(maxRecordBytes: 1024);
        var many = "{\"vertexes\":[" + string.Join(',', Enumerable.Range(0, 100).Select(i => $"{{\"digest\":\"d{i}\"}}")) + "]}";

        var items = reader.Read(many + "\n{\"vertexes\":[{\"digest\":\"after\"}]}\n").ToList();

        var vertex = Assert.Single(Assert.IsType<SolveStatusItem>(Assert.Single(items)).Status.Vertexes!);
        Assert.Equal("after", vertex.Digest);
    }

    [Fact]
    public void Log_data_past_the_limit_keeps_its_end_and_says_its_start_was_cut()
    {
        var reader = new RawJsonProgressReader(maxRecordBytes: 4096);
        var data = string.Concat(Enumerable.Range(1, 2000).Select(i => $"line {i}\n"));

        var item = Assert.IsType<SolveStatusItem>(Assert.Single(reader.Read(RawJson.Log("sha256:a", data))));

        Assert.True(item.LogStartCut);
        var kept = System.Text.Encoding.UTF8.GetString(Assert.Single(item.Status.Logs!).Data!);
        Assert.EndsWith("line 1999\nline 2000\n", kept, StringComparison.Ordinal);
        Assert.True(kept.Length < 4096);
    }

    [Fact]
    public void A_text_line_of_megabytes_is_cut_and_marked()
    {
        var items = ReadLines(new string('x', 1_000_000));

        var line = Assert.IsType<TextLineItem>(Assert.Single(items)).Text;
        Assert.Equal(RawJsonProgressReader.MaxTextLineLength + 1, line.Length);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_data_is_decoded_from_base64()
    {
        var items = ReadLines("{\"logs\":[{\"vertex\":\"sha256:a\",\"stream\":2,\"data\":\"RkFJTDogdGhpbmcK\",\"timestamp\":\"2026-11-23T05:24:29.401200538Z\"}]}");

        var log = Assert.Single(Assert.IsType<SolveStatusItem>(Assert.Single(items)).Status.Logs!);
        Assert.Equal("FAIL: thing\n", System.Text.Encoding.UTF8.GetString(log.Data!));
        Assert.Equal(2, log.Stream);
    }
}
