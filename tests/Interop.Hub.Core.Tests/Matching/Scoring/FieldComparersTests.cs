using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Geography;
using Interop.Hub.Core.Matching.Normalisation;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Tests.Matching.Scoring;

public class FieldComparersTests
{
    private static MatchLevel Surname(string a, string b) => FieldComparers.Surname(NameForm.FromText(a)!, NameForm.FromText(b)!);

    private static MatchLevel First(string a, string b) =>
        FieldComparers.FirstNames(FirstNameSet.From(a.Split(' '))!, FirstNameSet.From(b.Split(' '))!);

    private static MatchLevel Date(string a, string b) => FieldComparers.BirthDate(PartialDate.Parse(a), PartialDate.Parse(b));

    [Theory]
    [InlineData("Le Gall", "LEGALL", MatchLevel.Exact)]
    [InlineData("De La Fontaine", "Fontaine", MatchLevel.Equivalent)]
    [InlineData("Martin-Dupont", "Dupont", MatchLevel.Partial)]
    [InlineData("Lefrançois", "Lefrancoise", MatchLevel.FuzzyHigh)]
    [InlineData("Gauthier", "Gotier", MatchLevel.Phonetic)]
    [InlineData("Martin", "Bernard", MatchLevel.Different)]
    public void Surname_Variants_GetTheirLevel(string a, string b, MatchLevel expected) => Assert.Equal(expected, Surname(a, b));

    [Theory]
    [InlineData("Jean-Pierre", "Jean Pierre", MatchLevel.Exact)]
    [InlineData("Marie Claire", "Marie", MatchLevel.Exact)]
    [InlineData("Claire Marie Anne", "Anne Claire Marie", MatchLevel.Equivalent)]
    [InlineData("Marie Claire", "Claire", MatchLevel.Partial)]
    [InlineData("Jean", "Jean-Pierre", MatchLevel.Partial)]
    [InlineData("Mathieu", "Matthieu", MatchLevel.FuzzyHigh)]
    [InlineData("Mgire Corinne Yvonne", "Marie Corinne Yvonne", MatchLevel.FuzzyLow)]
    [InlineData("Lucas", "Hugo", MatchLevel.Different)]
    public void FirstNames_Variants_GetTheirLevel(string a, string b, MatchLevel expected) => Assert.Equal(expected, First(a, b));

    [Theory]
    [InlineData("1984-03-07", "1984-03-07", MatchLevel.Exact)]
    [InlineData("1984-03-07", "1984-07-03", MatchLevel.DayMonthSwapped)]
    [InlineData("1984-03-07", "1984-03-09", MatchLevel.OneDigitOff)]
    [InlineData("1984-03-07", "1948-03-07", MatchLevel.OneDigitOff)]
    [InlineData("1984-03-07", "1984-03-21", MatchLevel.SameYear)]
    [InlineData("1984-03-07", "1984-11-07", MatchLevel.SameYear)]
    [InlineData("1984-03-07", "1984-11-21", MatchLevel.YearOnly)]
    [InlineData("1984-03-07", "1984-02-03", MatchLevel.SameYear)]
    [InlineData("1984-03-07", "1959-10-22", MatchLevel.Different)]
    [InlineData("1984-03-07", "", MatchLevel.Missing)]
    public void BirthDate_Variants_GetTheirLevel(string a, string b, MatchLevel expected) => Assert.Equal(expected, Date(a, b));

    [Theory]
    [InlineData("1800000000001", "1800000000001", MatchLevel.Exact)]
    [InlineData("1800000000001", "1800000000010", MatchLevel.OneDigitOff)]
    [InlineData("1800000000001", "2750000000099", MatchLevel.Different)]
    [InlineData("", "2750000000099", MatchLevel.Missing)]
    public void Identifier_Variants_GetTheirLevel(string a, string b, MatchLevel expected) =>
        Assert.Equal(expected, FieldComparers.Identifier(a, b));

    [Fact]
    public void BirthPlace_CodesOfOneDepartement_AreSameDepartement() =>
        Assert.Equal(MatchLevel.SameDepartement, FieldComparers.BirthPlace(Place("14118"), Place("14047")));

    [Fact]
    public void BirthPlace_OldSeineAndHautsDeSeine_AreSameDepartement() =>
        Assert.Equal(MatchLevel.SameDepartement, FieldComparers.BirthPlace(Place("75112"), Place("92012")));

    [Fact]
    public void BirthPlace_NamesWithoutGeography_CompareFolded() =>
        Assert.Equal(MatchLevel.Exact, FieldComparers.BirthPlace(Place("Hérouville-Saint-Clair"), Place("HEROUVILLE ST CLAIR".Replace("ST", "SAINT"))));

    [Fact]
    public void BirthPlace_CodeAgainstNameWithoutGeography_CannotBeCompared() =>
        Assert.Equal(MatchLevel.Missing, FieldComparers.BirthPlace(Place("14118"), Place("Caen")));

    [Fact]
    public void BirthPlace_TwoNamesWithoutGeography_CanDiffer() =>
        Assert.Equal(MatchLevel.Different, FieldComparers.BirthPlace(Place("Caen"), Place("Bayeux")));

    private static BirthPlaceKey Place(string text) => BirthPlaceKey.From(text, CommuneDirectory.Empty)!;
}
