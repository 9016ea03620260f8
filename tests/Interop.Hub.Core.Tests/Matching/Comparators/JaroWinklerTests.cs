using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Tests.Matching.Comparators;

public class JaroWinklerTests
{
    // The worked examples of Winkler (1990), as quoted in the record-linkage literature.
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    public void Similarity_PublishedExamples_Match(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Fact]
    public void Similarity_EqualStrings_IsOne() => Assert.Equal(1.0, JaroWinkler.Similarity("DUPONT", "DUPONT"));

    [Fact]
    public void Similarity_NothingInCommon_IsZero() => Assert.Equal(0.0, JaroWinkler.Similarity("ABC", "XYZ"));

    [Fact]
    public void Similarity_IsSymmetric() =>
        Assert.Equal(JaroWinkler.Similarity("LEFRANCOIS", "LEFRANSOIS"), JaroWinkler.Similarity("LEFRANSOIS", "LEFRANCOIS"));
}
