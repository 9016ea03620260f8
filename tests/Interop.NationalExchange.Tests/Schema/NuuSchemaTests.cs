using System.Text;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Tests.Schema;

public sealed class NuuSchemaTests
{
    private const string Valid = """
        <?xml version="1.0" encoding="utf-8"?>
        <interfaceNuu versionInterface="02.01" xmlns="urn:interop:nuu:export:1">
          <entete><typeFichier>FLX</typeFichier><dateFichier>2027-02-13</dateFichier><numeroFichier>1</numeroFichier><changementsApres>0</changementsApres></entete>
          <demande typeFichier="CRE" numeroOrdre="1" revision="1">
            <numUnique>01426030B000100001X</numUnique>
            <dateEvenement>2027-02-13</dateEvenement>
            <demandeLogement>
              <numGuichet>B0001</numGuichet><departement>14</departement><dateCreationDemande>2027-02-13</dateCreationDemande>
              <logementRecherche>
                <demandeElargie>false</demandeElargie>
                <listeTypeLogement><typeLogement code="T3" /></listeTypeLogement>
                <listeLocalisationSouhaite><localisationSouhaite><commune code="14118" /></localisationSouhaite></listeLocalisationSouhaite>
              </logementRecherche>
            </demandeLogement>
          </demande>
          <pied><changementsJusqua>1</changementsJusqua><nombreDemandes>1</nombreDemandes></pied>
        </interfaceNuu>
        """;

    [Fact]
    public void Validate_AHandMadeValidDocument_HasNoError()
    {
        Assert.Empty(Validate(Valid));
    }

    [Fact]
    public void Validate_AnUnknownFileTypeAndNoTypology_IsRefusedNamingEachFault()
    {
        var invalid = Valid
            .Replace("typeFichier=\"CRE\"", "typeFichier=\"XXX\"", StringComparison.Ordinal)
            .Replace("<listeTypeLogement><typeLogement code=\"T3\" /></listeTypeLogement>", "<listeTypeLogement />", StringComparison.Ordinal);

        var errors = Validate(invalid);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("line 4,", StringComparison.Ordinal) && e.Contains("typeFichier", StringComparison.Ordinal) && e.Contains("XXX", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("listeTypeLogement", StringComparison.Ordinal) && e.Contains("typeLogement", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ACommuneThatIsNotAnInseeCode_IsRefused()
    {
        var errors = Validate(Valid.Replace("code=\"14118\"", "code=\"Caen\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Contains("Caen", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TwoDemandesOfTheSameChange_AreRefused()
    {
        var demande = Valid[Valid.IndexOf("<demande ", StringComparison.Ordinal)..(Valid.IndexOf("</demande>", StringComparison.Ordinal) + "</demande>".Length)];
        var errors = Validate(Valid.Replace(demande, demande + demande, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Contains("uneDemandeParChangement", StringComparison.Ordinal) || e.Contains("unique", StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyList<string> Validate(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return NuuSchema.Validate(stream);
    }
}
