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
}
