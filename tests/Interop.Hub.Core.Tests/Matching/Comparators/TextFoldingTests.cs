using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Tests.Matching.Comparators;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Hélène", "HELENE")]
    [InlineData("françois", "FRANCOIS")]
    [InlineData("Zoë Ñuñez", "ZOE NUNEZ")]
    [InlineData("ÉLODIE", "ELODIE")]
    public void Fold_AccentsAndCase_GiveUpperAscii(string typed, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(typed));

    [Theory]
    [InlineData("Lœtitia", "LOETITIA")]
    [InlineData("Cœur", "COEUR")]
    [InlineData("Lætitia", "LAETITIA")]
    [InlineData("ŒUVRE", "OEUVRE")]
    public void Fold_Ligatures_AreExpanded(string typed, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(typed));

    [Theory]
    [InlineData("Jean-Pierre", "JEAN PIERRE")]
    [InlineData("D'Alembert", "D ALEMBERT")]
    [InlineData("d’Artagnan", "D ARTAGNAN")]
    [InlineData("  Le   Gall  ", "LE GALL")]
    [InlineData("Ép.", "EP")]
    public void Fold_HyphensApostrophesAndSpaces_SeparateTokens(string typed, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(typed));

    [Fact]
    public void Fold_Nothing_GivesEmpty() => Assert.Equal("", TextFolding.Fold(" - ' "));
}
