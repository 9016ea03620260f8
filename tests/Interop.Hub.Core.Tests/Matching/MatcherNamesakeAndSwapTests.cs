using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Tests.Matching;

/// <summary>
/// The rules of issue 14: names swapped by a desk that still filled the birth name, and namesakes
/// (same names, same birth year) kept apart by their birth date, birth place and contacts.
/// </summary>
public class MatcherNamesakeAndSwapTests
{
    private static readonly Matcher Plain = new();

    // Both names seen once in a large stock: the weights a rare name gets in a real registry.
    private static readonly Matcher WithRareNames = new(frequencies: new NameFrequencies(
        new Dictionary<string, long> { ["TESSIER"] = 1, ["OTHER"] = 99_999 },
        new Dictionary<string, long> { ["MATHIS"] = 1, ["OTHER"] = 99_999 }));

    private static PersonIdentity Tessier(string id) => new()
    {
        Id = id,
        LastName = "Tessier",
        FirstNames = ["Mathis"],
        Sex = "M",
        BirthDate = "1990-06-14",
        BirthPlace = "14118",
        Nationality = "FR",
        Email = "mathis.tessier@example.fr",
        Phone = "0611223344",
        Postcode = "14000",
        Commune = "Caen",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compare_NamesSwappedWithTheBirthNameFilled_MatchesAndSaysSo(bool swappedFirst)
    {
        // `last_name=MATHIS, birth_name=TESSIER, first_names=TESSIER` against `Tessier / Tessier / Mathis`.
        var typed = Tessier("A") with { BirthName = "Tessier" };
        var swapped = Tessier("B") with { LastName = "MATHIS", BirthName = "TESSIER", FirstNames = ["TESSIER"] };
        var result = swappedFirst ? Plain.Compare(swapped, typed) : Plain.Compare(typed, swapped);
        Assert.NotEqual(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("inversés", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_NamesSwappedWithTheBirthNameFilled_UseNameOnlyOnTheOther_Matches()
    {
        var typed = Tessier("A");
        var swapped = Tessier("B") with { LastName = "MATHIS", BirthName = "TESSIER", FirstNames = ["TESSIER"] };
        Assert.NotEqual(MatchOutcome.Distinct, Plain.Compare(typed, swapped).Outcome);
    }

    [Fact]
    public void Compare_NamesakesBornTheSameYearOnAnotherDayAndMonth_AreDistinctEvenInOneCity()
    {
        // Nothing but the names, the year and the city in common: no birth place to tell them apart.
        var one = Tessier("A") with { BirthPlace = "", Email = "", Phone = "", BirthDate = "1990-06-14" };
        var other = Tessier("B") with { BirthPlace = "", Email = "", Phone = "", BirthDate = "1990-11-27" };
        var result = Plain.Compare(one, other);
        Assert.Equal(MatchOutcome.Distinct, result.Outcome);
        Assert.True(result.Fields.Single(f => f.Field == MatchField.BirthDate).Weight < 0, "the same year alone counts against");
    }

    [Fact]
    public void Compare_SameYearOnlyWithTheSameBirthPlaceAndEmail_IsLeftToAnOperator()
    {
        // Two slips on the date (a swap and a typo): the birth place and the e-mail vouch for one person.
        var result = Plain.Compare(Tessier("A"), Tessier("B") with { BirthDate = "1990-11-27" });
        Assert.Equal(MatchOutcome.Probable, result.Outcome);
    }

    [Fact]
    public void Compare_BirthPlacesBothKnownAndDifferent_WeighAtLeastSixBitsAgainst()
    {
        var result = Plain.Compare(Tessier("A"), Tessier("B") with { BirthPlace = "33063" });
        Assert.True(
            result.Fields.Single(f => f.Field == MatchField.BirthPlace).Weight <= -6,
            "two known birth places that differ are rarely one person's desk error");
    }

    [Fact]
    public void Compare_NamesakeOneDigitAwayInTheDayBornElsewhereWithOtherContacts_IsNotCertain()
    {
        var registered = Tessier("A");
        var namesake = Tessier("B") with { BirthDate = "1990-06-15", BirthPlace = "33063", Email = "m.tessier@example.com", Phone = "0799887766" };
        var result = WithRareNames.Compare(registered, namesake);
        Assert.NotEqual(MatchOutcome.Certain, result.Outcome);
    }

    [Fact]
    public void Compare_OneDigitAwayInTheDayBornElsewhereWithTheSameEmail_StaysCertain()
    {
        var registered = Tessier("A");
        var retyped = Tessier("B") with { BirthDate = "1990-06-15", BirthPlace = "33063", Phone = "0799887766" };
        Assert.Equal(MatchOutcome.Certain, WithRareNames.Compare(registered, retyped).Outcome);
    }
}
