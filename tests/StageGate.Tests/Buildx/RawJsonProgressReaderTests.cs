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
    public void An_object_cut_off_by_the_end_of_the_stream_is_surfaced_as_text()
    {
        var items = ReadLines("{", "  \"vertexes\": [");

        Assert.Equal([new TextLineItem("{"), new TextLineItem("  \"vertexes\": [")], items);
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
