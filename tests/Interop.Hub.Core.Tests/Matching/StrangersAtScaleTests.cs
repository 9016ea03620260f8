using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Tests.Matching;

/// <summary>
/// Strangers the hub meets by the thousand in a département's stock (the FindMatches benchmark at
/// 3 million applications showed them): neighbours in one street, neighbouring communes, people
/// born the same day sharing a social worker's e-mail. None may be refused as a duplicate, and
/// those with nothing in common but a birth date and contacts are not even worth a review.
/// </summary>
public sealed class StrangersAtScaleTests
{
    private static readonly Matcher Matcher = new();

    private static MatchResult Compare(PersonIdentity a, PersonIdentity b) => Matcher.Compare(a, b);

    [Theory]
    [InlineData("8 rue Saint-Jean", "41 rue Saint-Jean", MatchLevel.FuzzyLow)]
    [InlineData("8 rue Saint-Jean", "8 rue Saint-Jena", MatchLevel.FuzzyHigh)]
    [InlineData("8 rue Saint-Jean", "8 rue Saint-Jean", MatchLevel.Exact)]
    [InlineData("rue Saint-Jean", "rue Saint-Jena", MatchLevel.FuzzyHigh)]
    [InlineData("8 rue Saint-Jean", "", MatchLevel.Missing)]
    public void Street_TwoHouseNumbersOfOneStreet_AreNeighboursNotATypo(string a, string b, MatchLevel expected) =>
        Assert.Equal(expected, FieldComparers.Street(Fold(a), Fold(b)));

    [Theory]
    [InlineData("Saint-Martin-de-Fontenay", "Saint-Martin-de-Sallen", MatchLevel.Different, MatchLevel.Different)]
    [InlineData("Saint-Martin-de-Fontenay", "Saint-Martin-de-Fontenya", MatchLevel.Exact, MatchLevel.FuzzyHigh)]
    [InlineData("Saint-Martin-de-Fontenay", "Saint-Martin-de-Fontenya", MatchLevel.Missing, MatchLevel.FuzzyHigh)]
    [InlineData("Caen", "Caen", MatchLevel.Different, MatchLevel.Exact)]
    public void Commune_CloseNamesWithTwoPostcodes_AreNeighbouringCommunes(string a, string b, MatchLevel postcode, MatchLevel expected) =>
        Assert.Equal(expected, FieldComparers.Commune(Fold(a), Fold(b), postcode));

    [Fact]
    public void Compare_NeighboursBornTheSameDayWithAnotherSurname_AreNotCertain()
    {
        // Same first name and birth date, same street and town, another surname: a married name
        // typed without the birth name, or a neighbour. An operator decides; the door never refuses.
        var sophie = People.Sophie("A");
        var neighbour = People.Sophie("B") with { LastName = "Garnier", Address = "41 rue de Bayeux", Email = "s.garnier@example.fr" };

        var result = Compare(sophie, neighbour);

        Assert.Equal(MatchOutcome.Probable, result.Outcome);
    }

    [Fact]
    public void Compare_TotalAboveCertainWithAnotherSurname_StaysProbableAndSaysWhy()
    {
        var sophie = People.Sophie("A") with { Email = "sophie@example.fr", Phone = "0612345678" };
        var married = sophie with { Id = "B", LastName = "Garnier" };

        var result = Compare(sophie, married);

        Assert.True(result.Total >= Matcher.Model.CertainThreshold, $"total {result.Total}");
        Assert.Equal(MatchOutcome.Probable, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("à vérifier par un opérateur", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_HomonymWithADroppedFirstNameAndAnotherBirthDay_IsOnlyProbable()
    {
        // "Michel Pierre Jean, 20 June 1956" and "Michel Jean, 27 June 1956": perhaps one man
        // registered once with all his first names and a slip in the day, perhaps two. Not beyond doubt.
        var a = People.Named("A", "Michel", "Pierre Jean", "M", "1956-06-20", "14203");
        var b = People.Named("B", "Michel", "Jean", "M", "1956-06-27", "14277");

        var result = Compare(a, b);

        Assert.True(result.Total >= Matcher.Model.CertainThreshold, $"total {result.Total}");
        Assert.Equal(MatchOutcome.Probable, result.Outcome);
    }

    [Fact]
    public void Compare_OneDeskErrorOnly_IsStillCertain()
    {
        var sophie = People.Sophie("A");

        Assert.Equal(MatchOutcome.Certain, Compare(sophie, sophie with { Id = "B", FirstNames = ["Sophie"] }).Outcome);
        Assert.Equal(MatchOutcome.Certain, Compare(sophie, sophie with { Id = "B", BirthDate = "1984-07-03" }).Outcome);
        Assert.Equal(MatchOutcome.Certain, Compare(sophie, sophie with { Id = "B", LastName = "Lefrancios" }).Outcome);

        // A short name with one letter dropped is a typo, not merely a close name.
        var david = People.Named("A", "David", "Paul", "M", "1970-01-15", "14118");
        Assert.Equal(MatchOutcome.Certain, Compare(david, david with { Id = "B", LastName = "Daid" }).Outcome);
    }

    [Fact]
    public void Compare_ManWithAnotherSurnameBornTheSameDay_IsDistinctWithoutMoreEvidence()
    {
        // Men rarely take a married name: same first name and birth date with another surname is a homonym.
        var a = People.Named("A", "Chaerenneau", "Philippe", "M", "1998-03-14");
        var b = People.Named("B", "Legrand", "Philippe", "M", "1998-03-14");

        Assert.Equal(MatchOutcome.Distinct, Compare(a, b).Outcome);
    }

    [Fact]
    public void Compare_SurnameMerelyClose_IsNeverCertain()
    {
        // "Dubilac" and "Dubillate", both Frédéric, born the same day in Caen: close is not a typo.
        var a = People.Named("A", "Dubilac", "Frédéric", "M", "1986-10-02", "14425") with { Postcode = "14000", Commune = "Caen" };
        var b = People.Named("B", "Dubillate", "Frédéric", "M", "1986-10-02", "14425") with { Postcode = "14000", Commune = "Caen" };

        var result = Compare(a, b);

        Assert.Equal(MatchLevel.FuzzyLow, result.Fields.Single(f => f.Field == MatchField.Surname).Level);
        Assert.True(result.Total >= Matcher.Model.CertainThreshold, $"total {result.Total}");
        Assert.Equal(MatchOutcome.Probable, result.Outcome);
    }

    [Fact]
    public void Compare_SameFirstFirstNameButAnotherSecondAndASlipInTheDate_IsOnlyProbable()
    {
        // "Sophie Nathalie" and "Sophie Valérie" Dupont: one first name in common, and one digit of the date.
        var a = People.Named("A", "Dupont", "Sophie Nathalie", "F", "1998-10-21", "14140");
        var b = People.Named("B", "Dupont", "Sophie Valérie", "F", "1998-12-21", "14625");

        var result = Compare(a, b);

        Assert.True(result.Total >= Matcher.Model.CertainThreshold, $"total {result.Total}");
        Assert.Equal(MatchOutcome.Probable, result.Outcome);
    }

    [Fact]
    public void Compare_SameNirDespiteAnotherSurname_IsCertain()
    {
        var sophie = People.Sophie("A") with { Nir = "284031411800012" };
        var married = sophie with { Id = "B", LastName = "Garnier" };

        Assert.Equal(MatchOutcome.Certain, Compare(sophie, married).Outcome);
    }

    [Fact]
    public void Compare_BornTheSameDaySharingAnEmailWithUnrelatedNames_AreDistinct()
    {
        // An association's e-mail typed for every household it accompanies.
        var a = People.Named("A", "Roezand", "Océane", "F", "1958-03-18") with { Email = "accueil@asso-logement.fr", Postcode = "14000" };
        var b = People.Named("B", "Quenignon", "Léa", "F", "1958-03-18") with { Email = "accueil@asso-logement.fr", Postcode = "14000" };

        var result = Compare(a, b);

        Assert.Equal(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("nom et prénoms sans rapport", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_NamesSwappedAgainstTheBirthName_IsStillTheSamePerson()
    {
        // "Martin née Dubabin, Julie" registered again as surname "Julie", first name "Dubabin".
        var registered = People.Named("A", "Martin", "Julie Emmanuelle", "F", "1965-08-25", "25462") with { BirthName = "Dubabin", Email = "julie.dubabin@example.fr" };
        var swapped = People.Named("B", "Julie", "Dubabin", "F", "1965-08-25", "25462") with { Email = "julie.dubabin@example.fr" };

        var result = Compare(registered, swapped);

        Assert.NotEqual(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("inversés", StringComparison.Ordinal));
    }

    private static string Fold(string text) => Interop.Hub.Core.Matching.Comparators.TextFolding.Fold(text);
}
