using System.Text;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Statistics;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.Loading;

/// <summary>A grid's communes are checked against its EPCI's members when the official geography is known.</summary>
public class GridTerritoryTests
{
    private const string Rubrics = """[{ "id": "r", "label": "R", "rule": "cumulative", "criteria": [{ "id": "c", "label": "C", "kind": "singleParent", "points": 5 }] }]""";

    private static readonly EpciDirectory Epcis = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["200065597"] = ["14118", "14327", "14341"],
        ["200068799"] = ["61001", "61006"],
    });

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void Load_CommunesAllMembersOfTheEpci_Loads()
    {
        var grid = GridLoader.Load(Utf8(GridJson(Rubrics)), Epcis);

        Assert.Equal(["14118", "14327"], grid.Communes.Order());
    }

    [Fact]
    public void Load_ACommuneOfAnotherEpci_IsRefusedNamingItsIndexLineAndItsEpci()
    {
        var json = GridJson(Rubrics).Replace("[\"14118\", \"14327\"]", "[\"14118\", \"61001\", \"14327\"]", StringComparison.Ordinal);

        var refusal = Assert.Throws<ValidationException>(() => GridLoader.Load(Utf8(json), Epcis));

        Assert.Equal(ErrorReasons.InvalidGrid, refusal.Reason);
        var violation = Assert.Single(refusal.Violations);
        Assert.Equal("$.territory.communes[1]", violation.Field);
        Assert.Equal("line 5: commune 61001 is not a member of EPCI 200065597; it belongs to EPCI 200068799.", violation.Description);
    }

    [Fact]
    public void Load_ASirenThatIsNoEpci_IsRefusedOnTheEpciField()
    {
        var json = GridJson(Rubrics).Replace("200065597", "123456789", StringComparison.Ordinal);

        var violation = Assert.Single(Assert.Throws<ValidationException>(() => GridLoader.Load(Utf8(json), Epcis)).Violations);

        Assert.Equal("$.epci", violation.Field);
        Assert.StartsWith("line 4: 123456789 is not the SIREN of an EPCI", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TheVilleDeParis_CoversTheCommuneOfParisOnly()
    {
        var paris = GridJson(Rubrics).Replace("200065597", "217500016", StringComparison.Ordinal);

        Assert.Equal(["75056"], GridLoader.Load(Utf8(paris.Replace("[\"14118\", \"14327\"]", "[\"75056\"]", StringComparison.Ordinal)), Epcis).Communes);
        Assert.Equal(2, Assert.Throws<ValidationException>(() => GridLoader.Load(Utf8(paris), Epcis)).Violations.Count);
    }

    [Fact]
    public void Load_WithoutTheGeography_DoesNotCheckTheTerritory()
    {
        var json = GridJson(Rubrics).Replace("[\"14118\", \"14327\"]", "[\"61001\"]", StringComparison.Ordinal);

        Assert.Equal(["61001"], GridLoader.Load(Utf8(json), EpciDirectory.Empty).Communes);
    }
}
