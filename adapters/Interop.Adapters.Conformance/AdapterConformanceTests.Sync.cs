using Interop.Contracts.V1;

namespace Interop.Adapters.Conformance;

/// <summary>A first full load, incremental sync both ways, codes mapped both ways.</summary>
public abstract partial class AdapterConformanceTests
{
    [Fact]
    public async Task FirstFullLoad_PushesTheStockTypedBeforeTheAdapterStarted_EachOnce_WithItsCodesMapped()
    {
        var landlord = await Hub.JoinAsync("conf-load");
        await using var harness = CreateHarness();
        var stock = Enumerable.Range(0, 5).Select(NewHousehold).ToList();
        var records = new List<string>();
        foreach (var household in stock)
        {
            records.Add(await harness.TypeAsync(household));
        }

        await harness.StartAsync(landlord);

        for (var i = 0; i < stock.Count; i++)
        {
            var number = await NumberOfAsync(harness, records[i]);
            AssertSameHousehold(stock[i], await ReadAtHubAsync(landlord, number));
            Assert.Equal(1, await Hub.CountByLastNameAsync(stock[i].LastName));
        }

        Assert.Empty(await harness.DeadLettersAsync());
    }

    [Fact]
    public async Task IncrementalSync_ALocalChangeReachesTheHub_AndAHubChangeReachesTheErp()
    {
        var (landlord, other) = (await Hub.JoinAsync("conf-incr"), await Hub.JoinAsync("conf-incr-other"));
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);

        // ERP → hub: a registration, then a change of income.
        var household = NewHousehold(1);
        var record = await harness.TypeAsync(household);
        var number = await NumberOfAsync(harness, record);
        AssertSameHousehold(household, await ReadAtHubAsync(landlord, number));
        await harness.UpdateIncomeAsync(record, 2345);
        await Poll.UntilAsync(async () => (await ReadAtHubAsync(landlord, number)).Resources.MonthlyIncomeEur == 2345, "the new income at the hub");

        // Hub → ERP: another landlord's registration, then its change of income.
        var (elsewhere, registered) = await RegisterElsewhereAsync(other);
        var received = await ErpRecordAtAsync(harness, elsewhere, registered.Revision);
        Assert.Equal(registered.Applicant.LastName, received.LastName);
        var revision = await UpdateIncomeElsewhereAsync(other, elsewhere, 1777);
        var updated = await ErpRecordAtAsync(harness, elsewhere, revision);
        Assert.Equal(1777, updated.MonthlyIncome);
        Assert.Empty(await harness.DeadLettersAsync());
    }

    [Fact]
    public async Task CodesMappedBothWays_TheHubsCodesAreWrittenAsTheErpSpellsThem()
    {
        var (landlord, other) = (await Hub.JoinAsync("conf-codes"), await Hub.JoinAsync("conf-codes-other"));
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);

        var (number, registered) = await RegisterElsewhereAsync(other, Sex.Male, HousingSituation.Hotel, FamilySituation.Divorced, Typology.T4);
        var record = await ErpRecordAtAsync(harness, number, registered.Revision);

        Assert.Equal(harness.ErpCode("applicant.sex", "SEX_MALE"), record.Codes["applicant.sex"]);
        Assert.Equal(harness.ErpCode("current_housing", "HOUSING_SITUATION_HOTEL"), record.Codes["current_housing"]);
        Assert.Equal(harness.ErpCode("family_situation", "FAMILY_SITUATION_DIVORCED"), record.Codes["family_situation"]);
        Assert.Equal(harness.ErpCode("wishes.typologies", "TYPOLOGY_T4"), record.Codes["wishes.typologies"]);

        // And the other way, every code of the tables the kit uses (the first full load checks each household's).
        var typed = NewHousehold(3);
        var number2 = await NumberOfAsync(harness, await harness.TypeAsync(typed));
        AssertSameHousehold(typed, await ReadAtHubAsync(landlord, number2));
    }
}
