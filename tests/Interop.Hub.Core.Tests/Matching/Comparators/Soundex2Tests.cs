using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Tests.Matching.Comparators;

public class Soundex2Tests
{
    // Example words published with Soundex2 (F. Brouard's article, as collected by the talisman library's tests).
    [Theory]
    [InlineData("Asamian", "AZMN")]
    [InlineData("Knight", "NG")]
    [InlineData("MacKenzie", "MKNZ")]
    [InlineData("Pfeifer", "FR")]
    [InlineData("Philippe", "FLP")]
    [InlineData("Schindler", "SNDL")]
    [InlineData("Chateau", "CHT")]
    [InlineData("Habitat", "HBT")]
    [InlineData("Téhéran", "TRN")]
    [InlineData("Essayer", "ESYR")]
    [InlineData("Crayon", "CRYN")]
    [InlineData("Plyne", "PLN")]
    [InlineData("Barad", "BR")]
    [InlineData("Martin", "MRTN")]
    [InlineData("Bernard", "BRNR")]
    [InlineData("Faure", "FR")]
    [InlineData("Perez", "PRZ")]
    [InlineData("Gros", "GR")]
    [InlineData("Chapuis", "CHP")]
    [InlineData("Boyer", "BYR")]
    [InlineData("Gauthier", "KTR")]
    [InlineData("Rey", "RY")]
    [InlineData("Barthélémy", "BRTL")]
    [InlineData("Henry", "HNR")]
    [InlineData("Moulin", "MLN")]
    [InlineData("Rousseau", "RS")]
    public void Encode_PublishedExamples_GiveTheirCode(string name, string code) =>
        Assert.Equal(code, Soundex2.Encode(name));

    [Theory]
    [InlineData("Gauthier", "Gautier")]
    [InlineData("Philippe", "Filipe")]
    [InlineData("Rousseau", "Rousso")]
    [InlineData("Lefrançois", "LEFRANCOIS")]
    public void Skeleton_SameSoundDifferentSpelling_IsEqual(string a, string b) =>
        Assert.Equal(Soundex2.Skeleton(a), Soundex2.Skeleton(b));

    [Fact]
    public void Skeleton_KeepsMoreThanFourCharacters() => Assert.Equal("SNDLR", Soundex2.Skeleton("Schindler"));
}
