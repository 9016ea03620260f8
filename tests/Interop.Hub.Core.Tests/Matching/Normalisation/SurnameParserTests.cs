using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Tests.Matching.Normalisation;

public class SurnameParserTests
{
    [Theory]
    [InlineData("Dupont épouse Martin")]
    [InlineData("DUPONT EPOUSE MARTIN")]
    [InlineData("Dupont ép. Martin")]
    [InlineData("Dupont Ep Martin")]
    [InlineData("Dupont épse Martin")]
    public void Parse_WifeOfForms_BirthNameFirstUseNameSecond(string typed)
    {
        var (use, birth) = SurnameParser.Parse(typed, "");
        Assert.Equal("MARTIN", use?.Full);
        Assert.Equal("DUPONT", birth?.Full);
    }

    [Theory]
    [InlineData("Martin née Dupont")]
    [InlineData("MARTIN NEE DUPONT")]
    public void Parse_BornAs_UseNameFirstBirthNameSecond(string typed)
    {
        var (use, birth) = SurnameParser.Parse(typed, "");
        Assert.Equal("MARTIN", use?.Full);
        Assert.Equal("DUPONT", birth?.Full);
    }

    [Fact]
    public void Parse_XVeuveY_YIsTheUseName()
    {
        var (use, birth) = SurnameParser.Parse("Dupont veuve Martin", "");
        Assert.Equal("MARTIN", use?.Full);
        Assert.Equal("DUPONT", birth?.Full);
    }

    [Fact]
    public void Parse_VeuveAlone_GivesTheUseNameOnly()
    {
        var (use, birth) = SurnameParser.Parse("Veuve Martin", "");
        Assert.Equal("MARTIN", use?.Full);
        Assert.Null(birth);
    }

    [Fact]
    public void Parse_BirthNameColumn_IsTheBirthName()
    {
        var (use, birth) = SurnameParser.Parse("Martin", "Dupont");
        Assert.Equal("MARTIN", use?.Full);
        Assert.Equal("DUPONT", birth?.Full);
    }

    [Fact]
    public void Parse_BirthNameEqualToUseName_KeepsOneForm()
    {
        var (use, birth) = SurnameParser.Parse("Martin", "MARTIN");
        Assert.Equal("MARTIN", use?.Full);
        Assert.Null(birth);
    }

    [Fact]
    public void Parse_OnlyBirthName_BecomesTheName()
    {
        var (use, birth) = SurnameParser.Parse("", "Dupont");
        Assert.Equal("DUPONT", use?.Full);
        Assert.Null(birth);
    }

    [Fact]
    public void Parse_LeadingCivility_IsDropped() => Assert.Equal("MARTIN", SurnameParser.Parse("Mme Martin", "").Use?.Full);

    [Fact]
    public void Parse_NameThatLooksLikeAMarkerAlone_IsKept() => Assert.Equal("VEUVE", SurnameParser.Parse("Veuve", "").Use?.Full);
}
