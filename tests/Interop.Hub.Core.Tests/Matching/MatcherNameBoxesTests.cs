using Interop.Hub.Core.Matching;

namespace Interop.Hub.Core.Tests.Matching;

/// <summary>
/// Names typed in the wrong boxes: a married woman's use and birth names in each other's boxes,
/// the three name boxes in another order, a swap that moves a later first name.
/// </summary>
public class MatcherNameBoxesTests
{
    private static readonly Matcher Plain = new();

    // Julie Martin, née Tessier, as a desk types her when every box is right.
    private static PersonIdentity Julie(string id) => new()
    {
        Id = id,
        LastName = "Martin",
        BirthName = "Tessier",
        FirstNames = ["Julie"],
        Sex = "F",
        BirthDate = "1978-04-23",
        BirthPlace = "14118",
        Nationality = "FR",
        Postcode = "14000",
        Commune = "Caen",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compare_UseAndBirthNamesInEachOthersBoxes_MatchesAndSaysSo(bool swappedFirst)
    {
        var typed = Julie("A");
        var swapped = Julie("B") with { LastName = "Tessier", BirthName = "Martin" };
        var result = swappedFirst ? Plain.Compare(swapped, typed) : Plain.Compare(typed, swapped);
        Assert.NotEqual(MatchOutcome.Distinct, result.Outcome);
        Assert.Equal(MatchLevel.Equivalent, result.Fields.Single(f => f.Field == MatchField.Surname).Level);
        Assert.Contains(result.Notes, n => n.Contains("nom de naissance inversés", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_UseAndBirthNamesInEachOthersBoxesWithATypo_Matches()
    {
        var swapped = Julie("B") with { LastName = "Tesier", BirthName = "Martin" };
        Assert.NotEqual(MatchOutcome.Distinct, Plain.Compare(Julie("A"), swapped).Outcome);
    }

    [Fact]
    public void Compare_SisterInLawSharingOnlyOneCrossing_KeepsHerOwnBirthName()
    {
        // Her husband is Julie's brother: her use name is Julie's birth name, her birth name her own.
        var sisterInLaw = Julie("B") with { LastName = "Tessier", BirthName = "Durand" };
        var result = Plain.Compare(Julie("A"), sisterInLaw);
        Assert.Equal(MatchOutcome.Distinct, result.Outcome);
        Assert.Equal(MatchVeto.DifferentBirthNames, Plain.Score(Plain.Prepare(Julie("A")), Plain.Prepare(sisterInLaw)).Veto);
    }

    [Theory]
    [InlineData("Julie", "Tessier", "Martin")]
    [InlineData("Martin", "Julie", "Tessier")]
    [InlineData("Julie", "Martin", "Tessier")]
    [InlineData("Tessier", "Julie", "Martin")]
    public void Compare_AllThreeNameBoxesInAnotherOrder_Matches(string lastBox, string birthBox, string firstBox)
    {
        var result = Plain.Compare(Julie("A"), Julie("B") with { LastName = lastBox, BirthName = birthBox, FirstNames = [firstBox] });
        Assert.NotEqual(MatchOutcome.Distinct, result.Outcome);
    }

    [Fact]
    public void Compare_SwapMovingALaterFirstName_Matches()
    {
        // Mehdi Mickael Martin goes by Mickael: the desk typed "Mickael" as his surname and "Martin" as his first name.
        var registered = People.Named("A", "Martin", "Mehdi Mickael", "M", "1957-04-06", "97414");
        var swapped = People.Named("B", "Mickael", "Martin", "M", "1957-04-06", "97414");
        var result = Plain.Compare(registered, swapped);
        Assert.NotEqual(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("nom et prénom inversés", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_SurnameThatIsOnlyALaterFirstNameOfAnother_StaysDistinct()
    {
        // "Marcel Thomas" and "Thomas Jean Marcel" share the names, not the order nor the birth date.
        var one = People.Named("A", "Thomas", "Jean Marcel", "M", "1957-04-06", "97414");
        var other = People.Named("B", "Marcel", "Thomas", "M", "1983-11-20", "33063");
        Assert.Equal(MatchOutcome.Distinct, Plain.Compare(one, other).Outcome);
    }
}
