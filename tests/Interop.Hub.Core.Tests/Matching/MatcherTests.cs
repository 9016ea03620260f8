using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Tests.Matching;

public class MatcherTests
{
    private static readonly Matcher Matcher = new();

    private static MatchResult Compare(PersonIdentity a, PersonIdentity b) => Matcher.Compare(a, b);

    [Fact]
    public void Compare_SamePersonTypedTwice_IsCertain() =>
        Assert.Equal(MatchOutcome.Certain, Compare(People.Sophie("A"), People.Sophie("B")).Outcome);

    [Fact]
    public void Compare_AccentsLostAndCaseChanged_IsCertain()
    {
        var typed = People.Sophie("B") with { LastName = "LEFRANCOIS", FirstNames = ["SOPHIE"] };
        Assert.Equal(MatchOutcome.Certain, Compare(People.Sophie(), typed).Outcome);
    }

    [Fact]
    public void Compare_MarriedNameAgainstBirthName_IsCertain()
    {
        var married = People.Sophie("B") with { LastName = "Lefrançois épouse Durand", Postcode = "", Commune = "", Address = "" };
        var result = Compare(People.Sophie(), married);
        Assert.Equal(MatchOutcome.Certain, result.Outcome);
        Assert.Equal(MatchLevel.Equivalent, result.Fields.Single(f => f.Field == MatchField.Surname).Level);
    }

    [Fact]
    public void Compare_DayAndMonthSwapped_IsCertain()
    {
        var swapped = People.Sophie("B") with { BirthDate = "1984-07-03" };
        var result = Compare(People.Sophie(), swapped);
        Assert.Equal(MatchOutcome.Certain, result.Outcome);
        Assert.Equal(MatchLevel.DayMonthSwapped, result.Fields.Single(f => f.Field == MatchField.BirthDate).Level);
    }

    [Fact]
    public void Compare_FirstAndLastNameSwapped_MatchesAndSaysSo()
    {
        var swapped = People.Sophie("B") with { LastName = "Sophie", FirstNames = ["Lefrançois"] };
        var result = Compare(People.Sophie(), swapped);
        Assert.NotEqual(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("inversés", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_SwappedSurnameWithParticle_MatchesAndSaysSo()
    {
        // "DA SILVA Maria" typed with the surname in the first-names box: "Da" and "Silva" are not two first names.
        var registered = People.Named("A", "Da Silva", "Maria", "F", "1979-05-21", "99139");
        var swapped = People.Named("B", "Maria", "Da Silva", "F", "1979-05-21", "99139");
        var result = Compare(registered, swapped);
        Assert.NotEqual(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("inversés", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_Twins_AreDistinct()
    {
        var sister = People.Sophie("B") with { FirstNames = ["Claire"] };
        var result = Compare(People.Sophie(), sister);
        Assert.Equal(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("jumeaux", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_TwinsWithMasculineAndFeminineOfOneName_AreDistinct()
    {
        var jean = People.Named("A", "Lefrançois", "Jean", "M", "1990-05-05", "14118");
        var jeanne = People.Named("B", "Lefrançois", "Jeanne", "F", "1990-05-05", "14118");
        Assert.Equal(MatchOutcome.Distinct, Compare(jean, jeanne).Outcome);
    }

    [Fact]
    public void Compare_ParentAndChildWithTheSameNamesAtOneAddress_AreDistinct()
    {
        var father = People.Sophie("A") with { FirstNames = ["Paul"], Sex = "M", BirthDate = "1958-10-02", Phone = "0612345678" };
        var son = father with { Id = "B", BirthDate = "1986-04-19" };
        var result = Compare(father, son);
        Assert.Equal(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("parent", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_Spouses_AreDistinct()
    {
        var husband = People.Named("A", "Durand", "Marc", "M", "1980-01-12", "14118") with { Address = "3 rue Ecuyère", Postcode = "14000" };
        var wife = People.Named("B", "Durand", "Sophie", "F", "1982-06-30", "75112") with { BirthName = "Lefrançois", Address = "3 rue Ecuyère", Postcode = "14000" };
        Assert.Equal(MatchOutcome.Distinct, Compare(husband, wife).Outcome);
    }

    [Fact]
    public void Compare_HomonymsBornTheSameYear_AreDistinct()
    {
        var one = People.Named("A", "Martin", "Jean", "M", "1975-02-11", "59350");
        var other = People.Named("B", "Martin", "Jean", "M", "1975-09-27", "13055");
        Assert.Equal(MatchOutcome.Distinct, Compare(one, other).Outcome);
    }

    [Fact]
    public void Compare_SameNirDespiteEverythingElse_OverridesTheFamilyVeto()
    {
        var one = People.Sophie("A") with { Nir = "284031411800012" };
        var other = People.Sophie("B") with { Nir = "284031411800012", FirstNames = ["Claire"] };
        Assert.NotEqual(MatchOutcome.Distinct, Compare(one, other).Outcome);
    }

    [Fact]
    public void Compare_PairDeclaredDistinct_IsNeverProposed()
    {
        var matcher = new Matcher(declaredDistinct: new DeclaredDistinctPairs([("B", "A")]));
        var result = matcher.Compare(People.Sophie("A"), People.Sophie("B"));
        Assert.Equal(MatchOutcome.Distinct, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("opérateur", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_CommonNameAgreement_WeighsLessThanARareOne()
    {
        var frequencies = new NameFrequencies(
            new Dictionary<string, long> { ["MARTIN"] = 800, ["LEFRANCOIS"] = 2, ["OTHER"] = 99_198 },
            new Dictionary<string, long>());
        var matcher = new Matcher(frequencies: frequencies);
        static PersonIdentity With(string id, string name) => People.Named(id, name, "Paul", "M", "1970-01-01");
        var martin = matcher.Compare(With("A", "Martin"), With("B", "Martin")).Fields.Single(f => f.Field == MatchField.Surname).Weight;
        var lefrancois = matcher.Compare(With("A", "Lefrançois"), With("B", "Lefrançois")).Fields.Single(f => f.Field == MatchField.Surname).Weight;
        Assert.True(lefrancois > martin + 5, $"Lefrançois {lefrancois} should weigh far more than Martin {martin}");
    }

    [Fact]
    public void Compare_Explanation_NamesEveryComparedFieldAndTheDecision()
    {
        var explanation = Compare(People.Sophie(), People.Sophie("B") with { BirthDate = "1984-07-03" }).Explanation;
        Assert.Contains("nom : identique", explanation, StringComparison.Ordinal);
        Assert.Contains("date de naissance : jour et mois inversés", explanation, StringComparison.Ordinal);
        Assert.Contains("doublon certain", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_HouseholdFields_AreCapped()
    {
        var result = Compare(
            People.Sophie("A") with { Email = "s@example.fr", Phone = "0611111111" },
            People.Sophie("B") with { Email = "s@example.fr", Phone = "+33 6 11 11 11 11" });
        var household = result.Fields.Where(f => f.Field is MatchField.Email or MatchField.Phone or MatchField.Address or MatchField.Postcode or MatchField.Commune).Sum(f => f.Weight);
        var others = result.Fields.Where(f => f.Field is not (MatchField.Email or MatchField.Phone or MatchField.Address or MatchField.Postcode or MatchField.Commune)).Sum(f => f.Weight);
        Assert.True(household > Matcher.Model.HouseholdEvidenceCap);
        Assert.Equal(others + Matcher.Model.HouseholdEvidenceCap, result.Total, 1);
    }

    [Fact]
    public void Compare_SameMarriedNameDifferentBirthNames_AreDistinct()
    {
        var one = People.Named("A", "Robert", "Huguette", "F", "1981-04-22") with { BirthName = "Lanaec" };
        var sisterInLaw = People.Named("B", "Robert", "Huguette", "F", "1981-04-22") with { BirthName = "Braanillon" };
        var result = Compare(one, sisterInLaw);
        Assert.Equal(MatchLevel.Different, result.Fields.Single(f => f.Field == MatchField.Surname).Level);
        Assert.Equal(MatchOutcome.Distinct, result.Outcome);
    }

    [Fact]
    public void Compare_TwinOneNameSwappedWithTheOther_IsNotTakenForASwap()
    {
        var swappedMaxence = People.Named("A", "Maxence", "Martin", "M", "1988-02-17", "04209");
        var joachim = People.Named("B", "Martin", "Joachim", "M", "1988-02-17", "04209");
        Assert.DoesNotContain(Compare(swappedMaxence, joachim).Notes, n => n.Contains("inversés", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_MenWithDifferentSurnames_WeighMoreAgainst()
    {
        var men = Compare(People.Named("A", "Muller", "Thomas", "M", "1977-11-07"), People.Named("B", "Gerard", "Thomas", "M", "1977-11-07"));
        var women = Compare(People.Named("A", "Muller", "Claire", "F", "1977-11-07"), People.Named("B", "Gerard", "Claire", "F", "1977-11-07"));
        Assert.True(
            men.Fields.Single(f => f.Field == MatchField.Surname).Weight < women.Fields.Single(f => f.Field == MatchField.Surname).Weight,
            "a woman may have changed her name by marriage; a man rarely");
    }

    [Fact]
    public void Compare_NothingInCommon_IsDistinct() =>
        Assert.Equal(MatchOutcome.Distinct, Compare(People.Sophie(), People.Named("B", "Bernard", "Lucas", "M", "2001-12-30", "33063")).Outcome);

    [Fact]
    public void Score_AgreesWithCompare()
    {
        var a = Matcher.Prepare(People.Sophie());
        var b = Matcher.Prepare(People.Sophie("B") with { BirthDate = "1984-03-08" });
        Assert.Equal(Matcher.Compare(a, b).Total, Matcher.Score(a, b).Total, 1);
    }
}
