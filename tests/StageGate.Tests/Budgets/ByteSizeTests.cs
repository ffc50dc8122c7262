using StageGate.Budgets;
using StageGate.Diagnostics;

namespace StageGate.Tests.Budgets;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512B", 512L)]
    [InlineData("1kB", 1_000L)]
    [InlineData("1KB", 1_000L)]
    [InlineData("80.2MB", 80_200_000L)]
    [InlineData("150MB", 150_000_000L)]
    [InlineData("1.5GB", 1_500_000_000L)]
    [InlineData("2TB", 2_000_000_000_000L)]
    public void Decimal_units_are_read_as_docker_prints_them(string text, long bytes)
    {
        Assert.Equal(bytes, ByteSize.Parse(text).Bytes);
    }

    [Theory]
    [InlineData("1KiB", 1_024L)]
    [InlineData("1.5MiB", 1_572_864L)]
    [InlineData("155MiB", 162_529_280L)]
    [InlineData("2GiB", 2_147_483_648L)]
    [InlineData("1TiB", 1_099_511_627_776L)]
    public void Binary_units_are_read_as_powers_of_1024(string text, long bytes)
    {
        Assert.Equal(bytes, ByteSize.Parse(text).Bytes);
    }

    [Fact]
    public void One_space_between_number_and_unit_is_allowed()
    {
        Assert.Equal(150_000_000L, ByteSize.Parse("150 MB").Bytes);
    }

    [Fact]
    public void A_fractional_binary_size_is_rounded_to_the_nearest_byte()
    {
        // 1.1 × 1048576 = 1153433.6
        Assert.Equal(1_153_434L, ByteSize.Parse("1.1MiB").Bytes);
    }

    [Theory]
    [InlineData("15 megs")]
    [InlineData("-1MB")]
    [InlineData("1e3MB")]
    [InlineData("")]
    [InlineData("150  MB")]
    [InlineData("150mb")]
    [InlineData("150Mb")]
    [InlineData("1kb")]
    [InlineData(".5MB")]
    [InlineData("1.MB")]
    [InlineData("1.2.3MB")]
    [InlineData("1,5MB")]
    [InlineData("1 000MB")]
    [InlineData("MB")]
    [InlineData("1.5B")]
    [InlineData("9999999999TB")]
    public void Text_that_is_not_a_size_is_SG1012_quoting_the_text_and_listing_the_units(string text)
    {
        var error = Assert.Throws<StageGateException>(() => ByteSize.Parse(text));

        Assert.Equal("SG1012", error.Code);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        if (text != "9999999999TB")
        {
            Assert.Contains("B, kB, KB, MB, GB, TB, KiB, MiB, GiB, TiB", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bare_number_is_rejected_with_a_message_that_the_unit_is_missing()
    {
        var error = Assert.Throws<StageGateException>(() => ByteSize.Parse("150"));

        Assert.Contains("the unit is missing (did you mean 150MB or 150MiB?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_size_is_rejected_as_negative()
    {
        var error = Assert.Throws<StageGateException>(() => ByteSize.Parse("-1MB"));

        Assert.Contains("cannot be negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_reports_bad_text_without_throwing()
    {
        Assert.False(ByteSize.TryParse("15 megs", out _));
        Assert.False(ByteSize.TryParse(null, out _));
        Assert.True(ByteSize.TryParse("15MB", out var size));
        Assert.Equal(15_000_000L, size.Bytes);
    }

    [Theory]
    [InlineData(0L, "0B")]
    [InlineData(999L, "999B")]
    [InlineData(1_000L, "1kB")]
    [InlineData(80_200_000L, "80.2MB")]
    [InlineData(150_000_000L, "150MB")]
    [InlineData(162_400_000L, "162MB")]
    [InlineData(1_234_567_890L, "1.23GB")]
    [InlineData(1_200_000_000L, "1.2GB")]
    [InlineData(999_600L, "1MB")]
    public void ToString_writes_three_significant_digits_in_decimal_units_like_docker_images(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.FromBytes(bytes).ToString());
    }

    [Fact]
    public void Sizes_compare_and_subtract_by_their_bytes()
    {
        var small = ByteSize.Parse("1MB");
        var large = ByteSize.Parse("1MiB");

        Assert.True(small < large);
        Assert.Equal(48_576L, (large - small).Bytes);
        Assert.Equal(ByteSize.Parse("1000kB"), small);
    }
}
