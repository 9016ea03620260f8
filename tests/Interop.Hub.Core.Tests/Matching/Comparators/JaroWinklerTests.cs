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

    [Fact]
    public void Similarity_BitMaskPathAndArrayPath_AgreeOnNames()
    {
        // Names up to 64 characters take the bit-mask path; the array path is the textbook one.
        var random = new Random(3);
        for (var n = 0; n < 2000; n++)
        {
            var a = RandomName(random);
            var b = random.Next(3) == 0 ? Typo(a, random) : RandomName(random);
            var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
            Assert.Equal(JaroWinkler.Long(shorter, longer), JaroWinkler.Short(shorter, longer), 12);
        }
    }

    [Fact]
    public void Similarity_StreetLineOverSixtyFourCharacters_StillTolerant() =>
        Assert.InRange(
            JaroWinkler.Similarity("RESIDENCE LES JARDINS DE LA COLLINE BATIMENT C ESCALIER 4 APPARTEMENT 112", "RESIDENCE LES JARDINS DE LA COLINE BATIMENT C ESCALIER 4 APPARTEMENT 112"),
            0.95,
            1.0);

    private static string RandomName(Random random)
    {
        var letters = new char[random.Next(1, 14)];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('A' + random.Next(8));
        }

        return new string(letters);
    }

    private static string Typo(string name, Random random)
    {
        var letters = name.ToCharArray();
        letters[random.Next(letters.Length)] = (char)('A' + random.Next(8));
        return new string(letters);
    }
}
