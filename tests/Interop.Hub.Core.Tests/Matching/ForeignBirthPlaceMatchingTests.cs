using Interop.Hub.Core.Matching;

namespace Interop.Hub.Core.Tests.Matching;

/// <summary>
/// A birth abroad reaches the matcher as its INSEE country code (99xxx): one country on both sides
/// agrees on the birth place, a country against a French commune disagrees.
/// </summary>
public class ForeignBirthPlaceMatchingTests
{
    private static readonly Matcher Matcher = new();

    private static FieldComparison BirthPlace(MatchResult result) => result.Fields.Single(f => f.Field == MatchField.BirthPlace);

    [Fact]
    public void Compare_BothBornInMorocco_AgreeOnBirthPlace()
    {
        var result = Matcher.Compare(People.Sophie("A") with { BirthPlace = "99350" }, People.Sophie("B") with { BirthPlace = "99350" });

        Assert.Equal(MatchLevel.Exact, BirthPlace(result).Level);
        Assert.True(BirthPlace(result).Weight > 0);
        Assert.Equal(MatchOutcome.Certain, result.Outcome);
    }

    [Fact]
    public void Compare_BornInMoroccoAgainstBornInLyon_WeighsAgainst()
    {
        var morocco = Matcher.Compare(People.Sophie("A") with { BirthPlace = "99350" }, People.Sophie("B") with { BirthPlace = "99350" });
        var lyon = Matcher.Compare(People.Sophie("A") with { BirthPlace = "99350" }, People.Sophie("B") with { BirthPlace = "69123" });

        Assert.Equal(MatchLevel.Different, BirthPlace(lyon).Level);
        Assert.True(BirthPlace(lyon).Weight < 0);
        Assert.True(lyon.Total < morocco.Total);
    }

    [Fact]
    public void Compare_TwoCountries_Disagree()
    {
        var result = Matcher.Compare(People.Sophie("A") with { BirthPlace = "99350" }, People.Sophie("B") with { BirthPlace = "99352" });

        Assert.Equal(MatchLevel.Different, BirthPlace(result).Level);
    }
}
