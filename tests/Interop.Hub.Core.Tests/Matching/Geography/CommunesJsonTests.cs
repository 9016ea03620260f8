using System.Text;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Hub.Core.Tests.Matching.Geography;

/// <summary>communes.json as @etalab/decoupage-administratif publishes it: current communes, delegated ones, arrondissements, former codes.</summary>
public sealed class CommunesJsonTests
{
    private const string Sample = """
        [
          {"code":"14762","nom":"Vire Normandie","departement":"14","type":"commune-actuelle","anciensCodes":["14187","14351"]},
          {"code":"14762","nom":"Vire","departement":"14","type":"commune-deleguee","chefLieu":"14762"},
          {"code":"14459","nom":"Truttemer-le-Petit","departement":"14","type":"commune-deleguee","chefLieu":"14762"},
          {"code":"75056","nom":"Paris","departement":"75","type":"commune-actuelle"},
          {"code":"75115","nom":"Paris 15e Arrondissement","departement":"75","type":"arrondissement-municipal","commune":"75056"},
          {"code":"14118","nom":"Caen","departement":"14","type":"commune-actuelle","codesPostaux":["14000"],"population":106230}
        ]
        """;

    private static CommuneDirectory Read() => CommunesJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(Sample)));

    [Theory]
    [InlineData("14118", "14118")]
    [InlineData("Caen", "14118")]
    [InlineData("14187", "14762")]
    [InlineData("Vire", "14762")]
    [InlineData("Truttemer-le-Petit", "14762")]
    [InlineData("14459", "14762")]
    [InlineData("75115", "75056")]
    public void Read_ResolvesCodesNamesFormerCodesAndDelegatedCommunesToTodaysCommune(string typed, string expected) =>
        Assert.Equal(expected, Read().Resolve(typed)?.Code);

    [Fact]
    public void Read_UnknownPlace_DoesNotResolve() => Assert.Null(Read().Resolve("Casablanca"));
}
