using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>
/// SNE ListeModeleLogement codes (domain.md §1.6) of the current-housing situations, as grid files
/// name them: staff know these codes, not the contract's enum names.
/// </summary>
public static class HousingCodes
{
    private static readonly Dictionary<string, (HousingSituation Situation, string Label)> ByCode = new(StringComparer.Ordinal)
    {
        ["HLM"] = (HousingSituation.SocialTenant, "locataire HLM"),
        ["LP"] = (HousingSituation.PrivateTenant, "locataire du parc privé"),
        ["RS"] = (HousingSituation.SocialResidence, "logement-foyer ou résidence sociale"),
        ["RHVS"] = (HousingSituation.SocialHotelResidence, "résidence hôtelière à vocation sociale"),
        ["RE"] = (HousingSituation.StudentResidence, "résidence étudiante"),
        ["SLHT"] = (HousingSituation.TemporarySubtenant, "sous-locataire ou hébergé temporairement"),
        ["SH"] = (HousingSituation.Shelter, "structure d'hébergement"),
        ["CDEFCM"] = (HousingSituation.ChildWelfareCentre, "centre de l'enfance et de la famille, centre maternel"),
        ["CPE"] = (HousingSituation.WithParentsOrChildren, "chez ses parents ou ses enfants"),
        ["CP"] = (HousingSituation.HostedByPrivatePerson, "hébergé chez un particulier"),
        ["LTG"] = (HousingSituation.FreeLodging, "logé à titre gratuit"),
        ["FONC"] = (HousingSituation.TiedHousing, "logement de fonction"),
        ["POCC"] = (HousingSituation.OwnerOccupier, "propriétaire occupant"),
        ["CAMCAR"] = (HousingSituation.CampingCaravan, "camping ou caravane"),
        ["HOT"] = (HousingSituation.Hotel, "hôtel"),
        ["SD"] = (HousingSituation.Homeless, "sans domicile"),
        ["SQUAT"] = (HousingSituation.Squat, "squat"),
    };

    public static IEnumerable<string> All => ByCode.Keys;

    public static bool TryParse(string code, out HousingSituation situation)
    {
        var found = ByCode.TryGetValue(code, out var entry);
        situation = entry.Situation;
        return found;
    }

    public static string LabelOf(HousingSituation situation) =>
        ByCode.Values.FirstOrDefault(entry => entry.Situation == situation).Label ?? "non renseigné";

    public static string CodeOf(HousingSituation situation) =>
        ByCode.FirstOrDefault(entry => entry.Value.Situation == situation).Key ?? "";
}
