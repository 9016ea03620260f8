using Interop.Hub.Core.Matching.Geography;

namespace Interop.Hub.Core.Tests.Matching.Geography;

public class CommuneDirectoryTests
{
    // A tiny slice of the COG: Caen, Paris with one arrondissement, a merged commune of the Calvados,
    // and the two Saint-Denis.
    private static readonly CommuneDirectory Directory = new(
    [
        new CommuneEntry("14118", "Caen", "14"),
        new CommuneEntry("75056", "Paris", "75"),
        new CommuneEntry("75112", "Paris 12e Arrondissement", "75", ParentCode: "75056"),
        new CommuneEntry("14666", "Souleuvre en Bocage", "14", FormerCodes: ["14061", "14073"]),
        new CommuneEntry("14061", "Le Bény-Bocage", "14", ParentCode: "14666"),
        new CommuneEntry("93066", "Saint-Denis", "93"),
        new CommuneEntry("97411", "Saint-Denis", "974"),
    ]);

    [Fact]
    public void Resolve_CurrentCode_GivesTheCommune() => Assert.Equal("Caen", Directory.Resolve("14118")?.Name);

    [Fact]
    public void Resolve_Name_GivesItsCode() => Assert.Equal("14118", Directory.Resolve("CAEN")?.Code);

    [Fact]
    public void Resolve_ArrondissementCode_GivesTheCity() => Assert.Equal("75056", Directory.Resolve("75112")?.Code);

    [Fact]
    public void Resolve_FormerCodeOfAMergedCommune_GivesTodaysCommune() => Assert.Equal("14666", Directory.Resolve("14073")?.Code);

    [Fact]
    public void Resolve_OldCommuneName_GivesTodaysCommune() => Assert.Equal("14666", Directory.Resolve("le beny bocage")?.Code);

    [Fact]
    public void Resolve_AmbiguousName_IsNull() => Assert.Null(Directory.Resolve("Saint-Denis"));

    [Fact]
    public void BirthPlaceKey_NameAndCodeOfOneCommune_AreEqual() =>
        Assert.Equal(BirthPlaceKey.From("14118", Directory), BirthPlaceKey.From("Caen", Directory));

    [Fact]
    public void BirthPlaceKey_WithoutGeography_KeepsTheCodeAndDepartement()
    {
        var key = BirthPlaceKey.From("14118", CommuneDirectory.Empty)!;
        Assert.Equal("14118", key.Code);
        Assert.Equal("14", key.DepartementGroup);
    }
}
