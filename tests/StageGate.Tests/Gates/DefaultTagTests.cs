using System.Text.RegularExpressions;
using StageGate.Gates;

namespace StageGate.Tests.Gates;

/// <summary>The tag StageGate gives an image when none is given is always a valid reference, whatever the folder and stage are called.</summary>
public sealed partial class DefaultTagTests
{
    private const string Dockerfile = "/src/Dockerfile";

    // The distribution reference grammar (distribution/reference/regexp.go), for a name without a domain;
    // Go's \w is ASCII only, so it is spelled out rather than left to .NET's Unicode \w.
    [GeneratedRegex(@"^(?<name>[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*):(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$")]
    private static partial Regex Reference();

    private static void AssertValid(string tag)
    {
        var match = Reference().Match(tag);
        Assert.True(match.Success, $"'{tag}' is not a valid image reference");
        Assert.True(match.Groups["name"].Length <= 255, $"'{tag}' has a name longer than 255 characters");
    }

    private static string Name(string tag) => tag[..tag.LastIndexOf(':')];

    private static string Hash(string tag) => Name(tag)[^8..];

    [Theory]
    [InlineData("/work/my..app", "stagegate/my-app-")]
    [InlineData("/work/a_-b", "stagegate/a-b-")]
    [InlineData("/work/x___y", "stagegate/x-y-")]
    [InlineData("/work/x__y", "stagegate/x__y-")]
    [InlineData("/work/a---b", "stagegate/a---b-")]
    [InlineData("/work/My App (v2)", "stagegate/my-app-v2-")]
    [InlineData("/work/.hidden.", "stagegate/hidden-")]
    [InlineData("/work/___", "stagegate/image-")]
    public void A_context_folder_name_outside_the_grammar_becomes_a_valid_repository_name(string context, string expectedStart)
    {
        var tag = GatePlan.DefaultTag(context, Dockerfile, "final");

        AssertValid(tag);
        Assert.StartsWith(expectedStart, tag, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_context_folder_keeps_the_documented_form()
    {
        var tag = GatePlan.DefaultTag("/work/wordfreq.c", Dockerfile, "final");

        Assert.Equal($"stagegate/wordfreq.c-{Hash(tag)}:final", tag);
        Assert.Matches("^[0-9a-f]{8}$", Hash(tag));
    }

    [Fact]
    public void A_context_folder_name_of_300_characters_is_cut_to_fit_the_255_character_name()
    {
        var tag = GatePlan.DefaultTag("/work/" + new string('a', 150) + ".." + new string('b', 150), Dockerfile, "final");

        AssertValid(tag);
        Assert.Equal(255, Name(tag).Length);
    }

    [Fact]
    public void A_200_character_stage_name_becomes_a_128_character_tag_that_still_tells_long_names_apart()
    {
        var first = GatePlan.DefaultTag("/work/app", Dockerfile, new string('s', 199) + "1");
        var second = GatePlan.DefaultTag("/work/app", Dockerfile, new string('s', 199) + "2");

        AssertValid(first);
        AssertValid(second);
        Assert.Equal(128, first.Length - first.LastIndexOf(':') - 1);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Every_odd_folder_and_stage_name_gives_a_tag_that_matches_the_reference_grammar()
    {
        // Fixed seed: a failure names a name that can be replayed, and the run is the same every time.
        var random = new Random(20261201);
        const string alphabet = "aZ09._-__-..  /\\:@#ÄéßЖ漢\t";
        for (var i = 0; i < 5000; i++)
        {
            var folder = new string(Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var stage = new string(Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var tag = GatePlan.DefaultTag("/work/" + folder.Replace('/', '-').Replace('\\', '-'), Dockerfile, stage);

            AssertValid(tag);
        }
    }
}
