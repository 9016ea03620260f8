using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Tests.Matching;

/// <summary>
/// A certain link is a registration refused without anyone looking: it never rests on the names
/// alone (no birth date to compare) nor on first names that only sound alike.
/// </summary>
public class MatcherCertainEvidenceTests
{
    // Rare names, as in a large stock: the names alone weigh past the certain threshold.
    private static readonly Matcher WithRareNames = new(frequencies: new NameFrequencies(
        new Dictionary<string, long> { ["LANAIEUX"] = 1, ["GIRARDOT"] = 1, ["OTHER"] = 99_999 },
        new Dictionary<string, long> { ["SYLVAIN"] = 1, ["LUNA"] = 1, ["LOUANE"] = 1, ["OTHER"] = 99_999 }));

    private static PersonIdentity Sylvain(string id) => new()
    {
        Id = id,
        LastName = "Lanaieux",
        FirstNames = ["Sylvain"],
        Sex = "M",
        BirthDate = "1961-02-01",
        BirthPlace = "82121",
        Nationality = "FR",
        Postcode = "82000",
        Commune = "Montauban",
    };

    [Fact]
    public void Compare_SameRareNamesWithoutABirthDateOrBirthPlace_IsLeftToAnOperator()
    {
        // A father and the son named after him, one of them typed without a birth date or place.
        var result = WithRareNames.Compare(Sylvain("A"), Sylvain("B") with { BirthDate = "", BirthPlace = "" });
        Assert.True(result.Total >= MatchModel.Default.CertainThreshold, "the names alone weigh past the certain threshold");
        Assert.Equal(MatchOutcome.Probable, result.Outcome);
    }

    [Fact]
    public void Compare_SameRareNamesWithoutABirthDateButTheSameBirthPlace_IsCertain()
    {
        var result = WithRareNames.Compare(Sylvain("A"), Sylvain("B") with { BirthDate = "" });
        Assert.Equal(MatchOutcome.Certain, result.Outcome);
    }

    [Fact]
    public void Compare_TwinsWhoseFirstNamesSoundAlike_AreNotCertain()
    {
        var luna = Sylvain("A") with { LastName = "Girardot", FirstNames = ["Luna"], Sex = "F" };
        var louane = luna with { Id = "B", FirstNames = ["Louane"] };
        var result = WithRareNames.Compare(luna, louane);
        Assert.Equal(MatchLevel.Phonetic, result.Fields.Single(f => f.Field == MatchField.FirstNames).Level);
        Assert.NotEqual(MatchOutcome.Certain, result.Outcome);
    }

    [Fact]
    public void Compare_FirstNameWithATypo_StaysCertain()
    {
        var result = WithRareNames.Compare(Sylvain("A"), Sylvain("B") with { FirstNames = ["Sylvian"] });
        Assert.Equal(MatchOutcome.Certain, result.Outcome);
    }
}
