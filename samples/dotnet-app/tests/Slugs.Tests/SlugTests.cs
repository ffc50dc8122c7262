namespace Slugs.Tests;

public class SlugTests
{
    [Theory]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("  Multi-stage   builds  ", "multi-stage-builds")]
    [InlineData("Crème brûlée à la carte", "creme-brulee-a-la-carte")]
    [InlineData(".NET 10", "net-10")]
    public void A_title_becomes_lower_case_words_joined_by_dashes(string title, string expected)
    {
        Assert.Equal(expected, Slug.From(title));
    }

    [Fact]
    public void A_title_without_letters_or_digits_has_an_empty_slug()
    {
        Assert.Equal("", Slug.From("?!"));
    }
}
