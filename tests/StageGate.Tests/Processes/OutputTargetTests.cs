using System.Text;
using StageGate.Processes;

namespace StageGate.Tests.Processes;

public sealed class OutputTargetTests
{
    [Fact]
    public void A_merged_target_sends_each_line_to_every_target_in_order()
    {
        var seen = new List<string>();
        var merged = OutputTarget.Merge(OutputTarget.ToLines(l => seen.Add("first " + l)), OutputTarget.ToLines(l => seen.Add("second " + l)));

        merged.WriteLine("x");

        Assert.Equal(["first x", "second x"], seen);
    }

    [Fact]
    public void A_string_builder_target_appends_each_line_with_a_newline()
    {
        var builder = new StringBuilder();

        OutputTarget.ToStringBuilder(builder).WriteLine("x");

        Assert.Equal("x\n", builder.ToString());
    }

    [Fact]
    public void Merging_only_null_targets_gives_the_null_target()
    {
        Assert.Same(OutputTarget.Null, OutputTarget.Merge(OutputTarget.Null, OutputTarget.Null));
    }
}
