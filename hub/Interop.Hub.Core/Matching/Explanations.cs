using System.Globalization;
using System.Text;

namespace Interop.Hub.Core.Matching;

/// <summary>French wording of explanations: operators of the shared file read them.</summary>
public static class Explanations
{
    public static string FieldName(MatchField field) => field switch
    {
        MatchField.Surname => "nom",
        MatchField.FirstNames => "prénoms",
        MatchField.BirthDate => "date de naissance",
        MatchField.Sex => "sexe",
        MatchField.BirthPlace => "lieu de naissance",
        MatchField.Nir => "NIR",
        MatchField.Nationality => "nationalité",
        MatchField.Email => "courriel",
        MatchField.Phone => "téléphone",
        MatchField.Address => "adresse",
        MatchField.Postcode => "code postal",
        MatchField.Commune => "commune",
        MatchField.CoApplicant => "co-demandeur",
        _ => field.ToString(),
    };

    public static string LevelName(MatchLevel level) => level switch
    {
        MatchLevel.Missing => "non renseigné",
        MatchLevel.Exact => "identique",
        MatchLevel.Equivalent => "équivalent",
        MatchLevel.Partial => "en partie commun",
        MatchLevel.DayMonthSwapped => "jour et mois inversés",
        MatchLevel.OneDigitOff => "un caractère d'écart",
        MatchLevel.SameYear => "même année, même mois ou même jour",
        MatchLevel.YearOnly => "même année seulement (autre jour, autre mois)",
        MatchLevel.FuzzyHigh => "faute de frappe probable",
        MatchLevel.Phonetic => "même prononciation",
        MatchLevel.FuzzyLow => "proche",
        MatchLevel.SameDepartement => "même département",
        MatchLevel.Different => "différent",
        _ => level.ToString(),
    };

    public static string OutcomeName(MatchOutcome outcome) => outcome switch
    {
        MatchOutcome.Certain => "doublon certain",
        MatchOutcome.Probable => "doublon probable, à vérifier",
        _ => "personnes distinctes",
    };

    public static string Render(MatchResult result)
    {
        var text = new StringBuilder();
        foreach (var field in result.Fields)
        {
            text.AppendLine(field.ToString());
        }

        foreach (var note in result.Notes)
        {
            text.AppendLine(note);
        }

        text.Append(CultureInfo.InvariantCulture, $"total {result.Total:+0.0;-0.0;0.0} : {OutcomeName(result.Outcome)}");
        return text.ToString();
    }
}
