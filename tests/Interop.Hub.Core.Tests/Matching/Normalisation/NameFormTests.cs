using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Tests.Matching.Normalisation;

public class NameFormTests
{
    [Theory]
    [InlineData("Le Gall")]
    [InlineData("LE-GALL")]
    [InlineData("Legall")]
    [InlineData("le  gall")]
    public void Full_SpacesAndHyphensInsideAName_DoNotCount(string typed) =>
        Assert.Equal("LEGALL", NameForm.FromText(typed)?.Full);

    [Theory]
    [InlineData("De La Fontaine", "FONTAINE")]
    [InlineData("du Bellay", "BELLAY")]
    [InlineData("D'Alembert", "ALEMBERT")]
    [InlineData("Da Silva", "SILVA")]
    [InlineData("de Sousa", "SOUSA")]
    public void Core_Particles_AreDropped(string typed, string core) =>
        Assert.Equal(core, NameForm.FromText(typed)?.Core);

    [Fact]
    public void Core_ParticleAlone_IsTheName() => Assert.Equal("LE", NameForm.FromText("Le")?.Core);

    [Theory]
    [InlineData("MacDonald")]
    [InlineData("Mac Donald")]
    [InlineData("McDonald")]
    [InlineData("Mc Donald")]
    public void Full_MacAndMc_AreOneSpelling(string typed) =>
        Assert.Equal("MCDONALD", NameForm.FromText(typed)?.Full);

    [Fact]
    public void Parts_CompoundName_ListsEachPart() =>
        Assert.Equal(["MARTIN", "DUPONT"], NameForm.FromText("Martin-Dupont")!.Parts);

    [Fact]
    public void FromText_Empty_IsNull() => Assert.Null(NameForm.FromText("  "));
}
