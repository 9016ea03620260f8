using Interop.Hub.Core.Matching;
using Interop.Hub.Matching;

namespace Interop.Hub.Tests.Matching;

public sealed class StockNameFrequenciesTests
{
    private static readonly Dictionary<string, long> Surnames = new() { ["MARTIN"] = 400, ["LEFRANCOIS"] = 1 };
    private static readonly Dictionary<string, long> FirstNames = new() { ["CAMILLE"] = 150 };

    [Fact]
    public void AgreeingOnACommonSurname_WeighsLessThanOnARareOne_OnceTheStockIsLarge()
    {
        var matcher = new Matcher(frequencies: new StockNameFrequencies(Surnames, FirstNames, people: 40_000));

        var common = matcher.Compare(Person("Martin"), Person("Martin") with { Id = "b" });
        var rare = matcher.Compare(Person("Lefrançois"), Person("Lefrançois") with { Id = "b" });

        Assert.True(rare.Total > common.Total, $"rare {rare.Total:0.0} should outweigh common {common.Total:0.0}");
    }

    [Fact]
    public void SmallStock_GivesNoShares_SoTheModelAveragesApply()
    {
        var frequencies = new StockNameFrequencies(Surnames, FirstNames, people: 500);

        Assert.Equal(0, frequencies.SurnameShare("MARTIN"));
        Assert.Equal(0, frequencies.FirstNameShare("CAMILLE"));
        Assert.Equal(400.0 / 40_000, new StockNameFrequencies(Surnames, FirstNames, people: 40_000).SurnameShare("MARTIN"));
    }

    private static PersonIdentity Person(string lastName) => new()
    {
        Id = "a", LastName = lastName, FirstNames = ["Camille"], Sex = "F", BirthDate = "1988-04-12",
    };
}
