using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Tests.Matching.Normalisation;

public class IdentityNormalizerTests
{
    [Fact]
    public void Normalize_SameSurnameTypedTwice_SharesOneNameForm()
    {
        var normalizer = new IdentityNormalizer();
        var first = normalizer.Normalize(People.Named("A", "Lefrançois", "Sophie", "F", "1984-03-07"));
        var second = normalizer.Normalize(People.Named("B", "Lefrançois", "Claire", "F", "1986-11-20"));
        Assert.Same(first.UseName, second.UseName);
    }

    [Fact]
    public void Normalize_SameUseNameWithAndWithoutBirthName_KeepsEachBirthName()
    {
        var normalizer = new IdentityNormalizer();
        var married = normalizer.Normalize(People.Sophie() with { LastName = "Durand", BirthName = "Lefrançois" });
        var plain = normalizer.Normalize(People.Sophie() with { LastName = "Durand", BirthName = "" });
        Assert.Equal("LEFRANCOIS", married.BirthName?.Full);
        Assert.Null(plain.BirthName);
    }

    [Fact]
    public void Normalize_OneCompoundFirstNameOrTwoFirstNames_StayDifferent()
    {
        var normalizer = new IdentityNormalizer();
        var compound = normalizer.Normalize(People.Sophie() with { FirstNames = ["Jean Pierre"] });
        var two = normalizer.Normalize(People.Sophie() with { FirstNames = ["Jean", "Pierre"] });
        Assert.Equal(["JEANPIERRE"], compound.FirstNames!.Names);
        Assert.Equal(["JEAN", "PIERRE"], two.FirstNames!.Names);
    }

    [Theory]
    [InlineData("+33 6 11 22 33 44", "611223344")]
    [InlineData("06.11.22.33.44", "611223344")]
    [InlineData("611223344", "611223344")]
    [InlineData("12 34", "1234")]
    [InlineData("", "")]
    public void Normalize_Phone_KeepsTheLastNineDigits(string typed, string expected) =>
        Assert.Equal(expected, new IdentityNormalizer().Normalize(People.Sophie() with { Phone = typed }).Phone);

    [Fact]
    public void Normalize_CommuneTypedTwice_FoldsTheSame()
    {
        var normalizer = new IdentityNormalizer();
        Assert.Equal("HEROUVILLE SAINT CLAIR", normalizer.Normalize(People.Sophie() with { Commune = "Hérouville-Saint-Clair" }).Commune);
        Assert.Equal("HEROUVILLE SAINT CLAIR", normalizer.Normalize(People.Sophie() with { Commune = "Hérouville-Saint-Clair" }).Commune);
    }
}
