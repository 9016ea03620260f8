using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Tests.Matching.Comparators;

public class DamerauLevenshteinTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("19580412", "19850412", 1)]
    [InlineData("19580412", "19580521", 2)]
    [InlineData("19580412", "19580421", 1)]
    [InlineData("CA", "AC", 1)]
    [InlineData("DUPONT", "DUPONT", 0)]
    [InlineData("", "ABC", 3)]
    [InlineData("MARTIN", "MARTINE", 1)]
    public void Distance_Examples_CountEditsWithAdjacentSwapAsOne(string a, string b, int expected) =>
        Assert.Equal(expected, DamerauLevenshtein.Distance(a, b));

    [Theory]
    [InlineData("19580412", "19580412")]
    [InlineData("19580412", "19850412")]
    [InlineData("19580412", "19580421")]
    [InlineData("19580412", "19580521")]
    [InlineData("19580412", "29580412")]
    [InlineData("19580412", "19580413")]
    [InlineData("19580412", "1958041")]
    [InlineData("1958041", "19580412")]
    [InlineData("19580412", "9580412")]
    [InlineData("2840314118042", "2840341118042")]
    [InlineData("2840314118042", "2840314118")]
    [InlineData("MARTIN", "MARTINE")]
    [InlineData("MARTIN", "MATRIN")]
    [InlineData("MARTIN", "MTARIN")]
    [InlineData("AB", "BA")]
    [InlineData("A", "")]
    [InlineData("", "")]
    [InlineData("ABC", "CBA")]
    public void WithinOne_AgreesWithTheDistance(string a, string b) =>
        Assert.Equal(DamerauLevenshtein.Distance(a, b) <= 1, DamerauLevenshtein.WithinOne(a, b));
}
