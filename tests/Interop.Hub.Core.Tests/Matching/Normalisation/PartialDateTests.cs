using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Tests.Matching.Normalisation;

public class PartialDateTests
{
    [Theory]
    [InlineData("1975-02-14")]
    [InlineData("19750214")]
    [InlineData("14/02/1975")]
    [InlineData("14/2/1975")]
    public void Parse_KnownFormats_GiveDigits(string typed) => Assert.Equal("19750214", PartialDate.Parse(typed).Digits);

    [Fact]
    public void Parse_ImpossibleDate_IsKeptForItsDigits()
    {
        var date = PartialDate.Parse("1975-02-30");
        Assert.True(date.IsKnown);
        Assert.Equal(30, date.Day);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1975")]
    [InlineData("not a date")]
    [InlineData("0000-00-00")]
    public void Parse_Unusable_IsUnknown(string typed) => Assert.False(PartialDate.Parse(typed).IsKnown);
}
