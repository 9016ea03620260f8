using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Tests.Matching.Normalisation;

public class FirstNameSetTests
{
    [Fact]
    public void From_CompoundName_KeepsItsPartsAndCompactForm()
    {
        var set = FirstNameSet.From(["Jean-Pierre", "Marie"])!;
        Assert.Equal(["JEANPIERRE", "MARIE"], set.Names);
        Assert.Equal(["JEAN", "PIERRE"], set.Parts[0]);
    }

    [Fact]
    public void Joined_HyphenatedOrSpaced_IsTheSame() =>
        Assert.Equal(FirstNameSet.From(["Jean-Pierre"])!.Joined, FirstNameSet.From(["Jean", "Pierre"])!.Joined);

    [Fact]
    public void From_NoName_IsNull() => Assert.Null(FirstNameSet.From(["", " "]));

    [Fact]
    public void PrimaryPartsWithin_ShortFormOfCompound_IsTrue() =>
        Assert.True(FirstNameSet.From(["Jean"])!.PrimaryPartsWithin(FirstNameSet.From(["Jean-Pierre"])!));

    [Fact]
    public void PrimaryPartsWithin_TwoCompoundsSharingAPart_IsFalse() =>
        Assert.False(FirstNameSet.From(["Jean-Paul"])!.PrimaryPartsWithin(FirstNameSet.From(["Jean-Pierre"])!));

    [Fact]
    public void AsName_OneFirstName_IsThatName() =>
        Assert.Equal("SOPHIE", FirstNameSet.From(["Sophie", "Marie"])!.AsName.Full);

    [Fact]
    public void AsName_SurnameWithParticleTypedAsFirstNames_IsTheWholeSurname()
    {
        var asName = FirstNameSet.From(["Da", "Silva"])!.AsName;
        Assert.Equal("DASILVA", asName.Full);
        Assert.Equal("SILVA", asName.Core);
    }
}
