using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;
using Microsoft.Extensions.Configuration;

namespace Interop.Adapters.Sdk.Tests.Mapping;

public sealed class CodeMapperTests
{
    private static readonly CodeMapper Mapper = new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Mappings:current_housing:HOTEL"] = "HOUSING_SITUATION_HOTEL",
        ["Mappings:applicant.sex:F"] = "SEX_FEMALE",
        ["Mappings:reason_codes:DIVORCE"] = "09",
        ["Mappings:family_situation:X"] = "NOT_A_FAMILY_SITUATION",
        ["Mappings:radiation_reason:BAIL"] = "RADIATION_REASON_ATTRIBUTION",
    }).Build().GetSection("Mappings"));

    [Fact]
    public void Apply_WritesEnumsNestedFieldsAndRepeatedCodes_OnceEach()
    {
        var application = new Application { Applicant = new Person() };

        Mapper.Apply(application, [new("current_housing", "HOTEL"), new("applicant.sex", "F"), new("reason_codes", "DIVORCE"), new("reason_codes", "DIVORCE")]);

        Assert.Equal(HousingSituation.Hotel, application.CurrentHousing);
        Assert.Equal(Sex.Female, application.Applicant.Sex);
        Assert.Equal(["09"], application.ReasonCodes);
        Assert.Equal(RadiationReason.Attribution, Mapper.MapRadiationReason("BAIL"));
    }

    [Theory]
    [InlineData("current_housing", "CARAVANE", "has no mapping in table 'current_housing'")]
    [InlineData("family_situation", "X", "'NOT_A_FAMILY_SITUATION' is not a value of FamilySituation")]
    [InlineData("radiation_reason", "BAIL", "'radiation_reason' is not a field of Application")]
    public void Apply_UnknownOrMisconfiguredCode_ThrowsNamingTableAndValue(string table, string value, string why)
    {
        var refusal = Assert.Throws<UnknownCodeException>(() => Mapper.Apply(new Application(), [new ErpCode(table, value)]));

        Assert.Equal(table, refusal.Table);
        Assert.Equal(value, refusal.Value);
        Assert.Contains(why, refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireErpCode_ReadsTheTableBackwards_AndRefusesAHubValueTheErpHasNoCodeFor()
    {
        Assert.Equal("HOTEL", Mapper.RequireErpCode("current_housing", HousingSituation.Hotel));
        Assert.Equal("DIVORCE", Mapper.RequireErpCode("reason_codes", "09"));
        Assert.Null(Mapper.ErpCodeOf("current_housing", "HOUSING_SITUATION_HOMELESS"));

        var refusal = Assert.Throws<Interop.Adapters.Sdk.Inbound.ErpRefusedException>(() => Mapper.RequireErpCode("current_housing", HousingSituation.Homeless));
        Assert.Contains("no code for HOUSING_SITUATION_HOMELESS in its table current_housing", refusal.Message, StringComparison.Ordinal);
    }
}
